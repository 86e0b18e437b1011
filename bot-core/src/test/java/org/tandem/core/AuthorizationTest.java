package org.tandem.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.audit.AuditEntry;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.pairs.Pair;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.Seed;
import org.tandem.core.testing.TestMongo;

/**
 * Every button and form id the router knows is used by someone it was not meant for — a participant, someone in a
 * shared channel who is not a coordinator, a stranger to the pair — and nothing changes; each refusal is audited.
 * The values clicked are real: they name a live pair, workshop and programme.
 */
class AuthorizationTest {

    private static final Set<String> NOT_COMPARED = Set.of("audit", "processed_events", "people");

    private final Chat chat = new Chat(TestMongo.freshDatabase(), MutableClock.at("2026-03-02T09:00:00Z"));
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");
    private final Chat.Person carol = chat.coordinator("carol");
    private final Chat.Person mallory = chat.person("mallory");
    /** In the admin channel's conversation, but not a coordinator: the adapter gives them a group place. */
    private final Chat.Person dave = chat.person("dave").in(Place.group("admin-channel"));
    private final List<String> values = new ArrayList<>();

    @BeforeEach
    void aProgrammeWithAnAgreedPairAndAWorkshop() {
        Seed.openProgramme(chat, "Leadership");
        Pair pair = Life.agreed(chat, "Leadership", alice, bob, "weekly");
        carol.says("workshop Leadership");
        carol.submits("workshop.form", Map.of("title", "Giving feedback", "date", "2026-03-20", "time", "14:00",
                "where", "Room 4"));
        String workshop = chat.db().getCollection("workshops").find().first().getString("_id");
        String program = Life.program(chat, "Leadership").id();
        chat.outbox().knows("erin@example.com", new Contact(new PersonRef("test", Chat.TENANT, "erin"), "Erin", true));
        carol.says("invite Leadership erin@example.com");
        String invitation = chat.db().getCollection("invitations").find().first().getString("_id");
        values.addAll(List.of(pair.id(), pair.id() + ":1:met", pair.id() + ":1", pair.id() + ":yes:-",
                pair.id() + ":meeting:2026-03-02", pair.id() + ":close:" + pair.rhythm().endsAt().orElseThrow(),
                workshop + ":yes", program, program + ":yes", program + "|" + bob.ref().key(), "yes", "continue",
                "mentee", invitation + ":mentee", bob.ref().key()));
    }

    @Test
    void everyButtonRefusesWhoeverItWasNotMeantFor() {
        List<Bindings.Click> clicks = chat.core().bound().clicks();
        assertThat(clicks).hasSizeGreaterThan(30);
        for (Bindings.Click c : clicks) {
            if (c.access() instanceof Access.Coordinators) {
                for (Chat.Person outsider : List.of(mallory, dave)) {
                    refused(outsider, new Input.Click(c.id(), values.get(0)), c.id());
                }
            } else if (c.access() instanceof Access.Named named) {
                String value = values.stream().filter(v -> !named.byValue().apply(v).isEmpty()).findFirst()
                        .orElseThrow(() -> new AssertionError("no value in the scenario names a subject of " + c.id()));
                Set<PersonRef> meant = named.byValue().apply(value);
                assertThat(meant).doesNotContain(mallory.ref());
                refused(mallory, new Input.Click(c.id(), value), c.id());
            } else {
                // about themselves: whatever the value names, nobody else's data changes
                for (String value : values) {
                    Map<String, Set<String>> before = snapshot(mallory.ref());
                    mallory.send(new Input.Click(c.id(), value));
                    assertThat(snapshot(mallory.ref())).as(c.id() + " " + value + " changed another's data")
                            .isEqualTo(before);
                }
            }
        }
    }

    @Test
    void everyFormRefusesWhoeverItWasNotMeantForAndEveryFieldItDoesNotDeclare() {
        List<Bindings.Submit> submits = chat.core().bound().submits();
        assertThat(submits).hasSizeGreaterThan(10);
        for (Bindings.Submit s : submits) {
            Map<String, Object> declared = new LinkedHashMap<>();
            s.fields().forEach(f -> declared.put(f, "x"));
            if (s.access() instanceof Access.Coordinators) {
                for (Chat.Person outsider : List.of(mallory, dave)) {
                    Map<String, Set<String>> before = snapshot(outsider.ref());
                    assertThat(outsider.submits(s.id(), declared).text()).as(s.id())
                            .contains("meant for someone else");
                    assertThat(snapshot(outsider.ref())).as(s.id() + " changed something").isEqualTo(before);
                }
            }
            Chat.Person allowed = s.access() instanceof Access.Coordinators ? carol : mallory;
            for (String forged : List.of("$where", "a.b", "name\u0000")) {
                Map<String, Object> values = new LinkedHashMap<>(declared);
                values.put(forged, "1");
                Map<String, Set<String>> before = snapshot(allowed.ref());
                assertThat(allowed.submits(s.id(), values).text()).as(s.id() + " with " + forged)
                        .contains("form has changed");
                assertThat(snapshot(allowed.ref())).as(s.id() + " stored a field it does not declare")
                        .isEqualTo(before);
            }
        }
        assertThat(chat.db().getCollection("conversation_states").find(Filters.exists("answers.$where")).first())
                .isNull();
    }

    private void refused(Chat.Person who, Input input, String id) {
        Map<String, Set<String>> before = snapshot(who.ref());
        long audited = refusals(id);
        assertThat(who.send(input).text()).as(id + " by " + who.ref().userId()).contains("meant for someone else");
        assertThat(snapshot(who.ref())).as(id + " changed something").isEqualTo(before);
        assertThat(refusals(id)).as(id + " refusal audited").isEqualTo(audited + 1);
    }

    private long refusals(String id) {
        return chat.db().getCollection("audit").countDocuments(Filters.and(
                Filters.eq("action", AuditEntry.REFUSED_INPUT), Filters.eq("subject", id)));
    }

    /** Every document of every collection, but the log of what happened and the actor's own documents. */
    private Map<String, Set<String>> snapshot(PersonRef actor) {
        MongoDatabase db = chat.db();
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String name : db.listCollectionNames()) {
            if (NOT_COMPARED.contains(name)) {
                continue;
            }
            Set<String> docs = new TreeSet<>();
            for (Document d : db.getCollection(name).find()) {
                String json = d.toJson();
                if (!json.contains(actor.key())) {
                    docs.add(json);
                }
            }
            out.put(name, docs);
        }
        return out;
    }
}
