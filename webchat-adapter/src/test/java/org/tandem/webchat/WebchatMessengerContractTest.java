package org.tandem.webchat;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.ReplyChannel;
import org.tandem.core.testing.MessengerContract;
import org.tandem.core.testing.TestMongo;

/** The web chat's messenger keeps the contract of every messenger; its platform is the outbox's own database. */
class WebchatMessengerContractTest extends MessengerContract {

    private static final Set<String> ACTIONABLE = Set.of("buttons", "choice", "form");

    private final MongoDatabase real = TestMongo.freshDatabase();
    private final RefusingDatabase db = new RefusingDatabase(real);
    private final WebchatOutbox outbox = new WebchatOutbox(db.database());
    private final WebchatMessenger messenger = new WebchatMessenger(outbox, new WebchatFiles(db.database()),
            new WebchatPeople(db.database(), List.of("coordinator"), Instant.EPOCH),
            List.of("coordinator"), Clock.systemUTC());

    @Override
    protected PlatformMessenger messenger() {
        return messenger;
    }

    @Override
    protected PersonRef person() {
        return new PersonRef(WebchatMessenger.PLATFORM, WebchatMessenger.TENANT, "alice");
    }

    @Override
    protected PersonRef partner() {
        return new PersonRef(WebchatMessenger.PLATFORM, WebchatMessenger.TENANT, "bob");
    }

    @Override
    protected Optional<Shown> shown(MessageRef ref) {
        if (!ref.id().matches("\\d+")) {
            return Optional.empty();
        }
        return outbox.read(Long.parseLong(ref.id())).map(m -> {
            List<Document> blocks = m.getList("blocks", Document.class);
            return new Shown(blocks.toString(),
                    blocks.stream().anyMatch(b -> ACTIONABLE.contains(b.getString("type"))));
        });
    }

    @Override
    protected List<String> delivered(Address to) {
        String reader;
        String conversation;
        if (to instanceof Address.Person p) {
            reader = p.person().userId();
            conversation = WebchatOutbox.DIRECT;
        } else if (to instanceof Address.Group g) {
            reader = outbox.members(g.group().id()).get(0);
            conversation = WebchatOutbox.GROUP + g.group().id();
        } else {
            reader = "coordinator";
            conversation = WebchatOutbox.ADMIN;
        }
        return outbox.readable(reader, reader.equals("coordinator"), 0, 500).stream()
                .filter(m -> m.getString("conversation").equals(conversation))
                .map(m -> m.get("blocks").toString()).toList();
    }

    @Override
    protected ReplyChannel replyChannel(PersonRef who, Place place) {
        return new WebchatReplies(messenger, who, place);
    }

    @Override
    protected void platformRefuses(boolean refuses) {
        db.refuse(refuses);
    }

    @Override
    protected boolean keepsAnythingAbout(PersonRef person) {
        String user = person.userId();
        return real.getCollection("webchat_outbox").countDocuments(or(eq("recipients", user), eq("from", user))) > 0
                || real.getCollection("webchat_groups").countDocuments(eq("members", user)) > 0
                || real.getCollection("webchat_files").countDocuments(eq("readers", user)) > 0
                || real.getCollection("webchat_people").countDocuments(eq("_id", user)) > 0
                || messenger.holdsFor(user);
    }
}
