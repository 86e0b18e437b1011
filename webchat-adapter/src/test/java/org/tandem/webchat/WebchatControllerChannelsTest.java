package org.tandem.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.tandem.core.TandemCore;
import org.tandem.core.testing.TestMongo;

/**
 * The web chat's HTTP side around channels and its directory, with the real core: the people the page reads become
 * the web chat's people, and nobody types in a channel (a 403 that changes nothing), whose name is checked (a 400).
 */
class WebchatControllerChannelsTest {

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final WebchatOutbox outbox = new WebchatOutbox(db);
    private final WebchatFiles files = new WebchatFiles(db);
    private final WebchatPeople people = new WebchatPeople(db, List.of("coordinator"), Instant.EPOCH);
    private final WebchatMessenger messenger = new WebchatMessenger(outbox, files, people, List.of("coordinator"),
            Clock.systemUTC());
    private final WebchatController controller = new WebchatController(new TandemCore(db, messenger,
            Clock.systemUTC()), outbox, messenger, files, people,
            new WebchatProperties(true, List.of("coordinator"), false), Clock.systemUTC());

    private static MockHttpServletRequest post(String json) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/api/webchat/inbound");
        r.setContentType("application/json");
        r.setContent(json.getBytes(StandardCharsets.UTF_8));
        r.setRemoteAddr("127.0.0.1");
        return r;
    }

    @Test
    void readingDoesNotMakeSomeoneKnownActingDoes() throws Exception {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/api/webchat/outbox");
        r.setRemoteAddr("127.0.0.1");
        controller.outbox(r, "Zoe", "0");
        assertThat(people.all()).as("the page may still list someone who erased their data")
                .extracting(WebchatPeople.Person::user).containsExactly("coordinator");
        controller.inbound(post("{\"user\":\"zoe\",\"text\":\"hello\"}"));
        assertThat(people.all()).extracting(WebchatPeople.Person::user).containsExactly("coordinator", "zoe");
        assertThat(people.all().get(1).name()).isEqualTo("Zoe");
    }

    @Test
    void typingInAChannelIsRefusedAndNothingIsPosted() {
        assertThatThrownBy(() -> controller.inbound(post(
                "{\"user\":\"alice\",\"conversation\":\"channel:kudos\",\"text\":\"hello\"}")))
                .isInstanceOfSatisfying(WebchatController.Refused.class, e -> assertThat(e.status)
                        .isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(db.getCollection("webchat_outbox").countDocuments()).isZero();
    }

    @Test
    void aChannelThatCannotBeOneIsABadRequest() {
        for (String bad : List.of("channel:Kudos", "channel:", "channel:a b", "channel:" + "x".repeat(41))) {
            assertThatThrownBy(() -> controller.inbound(post("{\"user\":\"alice\",\"conversation\":\"" + bad
                    + "\",\"text\":\"hello\"}"))).as(bad).isInstanceOf(WebchatRequest.Invalid.class);
        }
    }
}
