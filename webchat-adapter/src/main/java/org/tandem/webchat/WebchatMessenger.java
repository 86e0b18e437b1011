package org.tandem.webchat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.PlatformMessenger;

/** Delivers the core's messages to the web chat's outbox. */
final class WebchatMessenger implements PlatformMessenger {

    static final String PLATFORM = "webchat";
    static final String TENANT = "local";

    private final WebchatOutbox outbox;
    private final WebchatFiles files;
    private final List<String> coordinators;
    private final Clock clock;

    WebchatMessenger(WebchatOutbox outbox, WebchatFiles files, List<String> coordinators, Clock clock) {
        this.outbox = outbox;
        this.files = files;
        this.coordinators = coordinators;
        this.clock = clock;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef send(Address to, Message message) {
        if (to instanceof Address.Person p) {
            return ref(outbox.append(WebchatOutbox.DIRECT, List.of(p.person().userId()), null,
                    WebchatRenderer.render(message), clock.instant()));
        }
        if (to instanceof Address.Group g) {
            return sendToGroup(g.group(), message);
        }
        return ref(outbox.append(WebchatOutbox.ADMIN, coordinators, null, WebchatRenderer.render(message),
                clock.instant()));
    }

    @Override
    public GroupRef openGroup(List<PersonRef> members, Message message) {
        List<String> users = members.stream().map(PersonRef::userId).toList();
        String id = outbox.openGroup(users);
        GroupRef group = new GroupRef(PLATFORM, TENANT, id);
        sendToGroup(group, message);
        return group;
    }

    private MessageRef sendToGroup(GroupRef group, Message message) {
        return ref(outbox.append("group:" + group.id(), outbox.members(group.id()), null,
                WebchatRenderer.render(message), clock.instant()));
    }

    @Override
    public MessageRef sendFile(Address to, FileAttachment file, Message message) {
        if (to instanceof Address.Person p) {
            List<String> readers = List.of(p.person().userId());
            return ref(outbox.append(WebchatOutbox.DIRECT, readers, null, withFile(message, file, readers),
                    clock.instant()));
        }
        if (to instanceof Address.Admin) {
            return ref(outbox.append(WebchatOutbox.ADMIN, coordinators, null, withFile(message, file, coordinators),
                    clock.instant()));
        }
        throw new IllegalArgumentException("a file goes to a person or to the coordinators, not to a group");
    }

    /**
     * Drops the person's conversations, files and words from the web chat's own store, their name and texts wherever
     * a message quoted them, and the files that named them.
     */
    @Override
    public void forget(Forgotten forgotten) {
        String user = forgotten.person().userId();
        Needles needles = Needles.of(forgotten.displayName(), forgotten.traces());
        Set<String> withdrawn = files.forget(user, needles);
        outbox.forget(user, needles, forgotten.farewell()
                .filter(r -> r.platform().equals(PLATFORM)).map(r -> Long.parseLong(r.id())), withdrawn);
    }

    /** The message's blocks, then a download link that only {@code readers} can follow. */
    private List<Document> withFile(Message message, FileAttachment file, List<String> readers) {
        String id = files.save(file, readers, clock.instant());
        List<Document> blocks = new ArrayList<>(WebchatRenderer.render(message));
        blocks.add(new Document("type", "file").append("name", file.name()).append("mediaType", file.mediaType())
                .append("size", file.size()).append("url", WebchatController.FILES + id));
        return blocks;
    }

    @Override
    public boolean update(MessageRef ref, Message message) {
        if (!ref.platform().equals(PLATFORM) || !ref.id().matches("\\d{1,18}")) {
            return false;
        }
        return outbox.replace(Long.parseLong(ref.id()), WebchatRenderer.render(message));
    }

    private static MessageRef ref(long seq) {
        return new MessageRef(PLATFORM, Long.toString(seq));
    }
}
