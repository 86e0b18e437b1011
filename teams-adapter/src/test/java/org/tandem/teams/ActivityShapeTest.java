package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shape of an Activity's JSON, field by field: what Teams sends passes, a wrong type names its field. */
class ActivityShapeTest {

    private static final String BASE = """
            "type":"message","id":"a1","serviceUrl":"https://smba.example/","channelId":"msteams",
            "timestamp":"2026-12-01T21:00:00.1234567Z","locale":"fr-FR",
            "from":{"id":"29:ann","name":"Ann","aadObjectId":"aad-ann"},"recipient":{"id":"28:bot","name":"Tandem"},
            "conversation":{"id":"a:1","conversationType":"personal","tenantId":"t-1"},
            "channelData":{"tenant":{"id":"t-1"},"team":{"id":"19:team"}},
            "entities":[{"type":"clientInfo","locale":"fr-FR","timezone":"Europe/Paris"}],
            "text":"join\"""";

    private static JsonNode json(String s) throws Exception {
        return Serialization.jsonToTree(s);
    }

    @Test
    void whatTeamsSendsPassesAndUnknownFieldsToo() throws Exception {
        Activity a = ActivityShape.check(json("{" + BASE + ",\"somethingNew\":{\"x\":[1]}}"));
        assertThat(a.getText()).isEqualTo("join");
        assertThat(a.getLocale()).isEqualTo("fr-FR");
        assertThat(ActivityShape.check(json("{" + BASE.replace("2026-12-01T21:00:00.1234567Z",
                "2026-12-01T21:00:00Z") + "}"))).as("a timestamp without milliseconds, which the SDK refuses")
                .isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            text as an object             | "text":{"a":1}                            | 'text' must be a string
            serviceUrl as an object       | "serviceUrl":{"u":1}                      | 'serviceUrl' must be an http(s) URL
            serviceUrl not a URL          | "serviceUrl":"file:///etc/passwd"         | 'serviceUrl' must be an http(s) URL
            conversation as a list        | "conversation":[1,2]                      | 'conversation' must be an object
            conversation without an id    | "conversation":{"tenantId":"t"}           | 'conversation.id' must be present
            a bad timestamp               | "timestamp":"yesterday"                   | 'timestamp' must be an ISO-8601
            a timestamp as a number       | "timestamp":17                            | 'timestamp' must be an ISO-8601
            membersRemoved with no id     | "membersRemoved":[{}]                     | 'membersRemoved[0].id' must be present
            membersAdded not a list       | "membersAdded":{"id":"x"}                 | 'membersAdded' must be a list
            from as a string              | "from":"29:ann"                           | 'from' must be an object
            from without an id            | "from":{"name":"Ann"}                     | 'from.id' must be present
            an empty type                 | "type":" "                                | 'type' must be a non-empty string
            entities not a list           | "entities":{}                             | 'entities' must be a list
            an entity not an object       | "entities":[5]                            | 'entities' must be a list
            a mention of a string         | "entities":[{"type":"mention","mentioned":"x"}] | 'entities[0].mentioned' must be an object
            the tenant as a list          | "channelData":{"tenant":[1]}              | 'channelData.tenant' must be an object
            the tenant id as an object    | "channelData":{"tenant":{"id":{}}}        | 'channelData.tenant.id' must be a string
            isGroup as a string           | "conversation":{"id":"c","isGroup":"yes"} | 'conversation.isGroup' must be true or false
            """)
    void aWrongTypeIsRefusedNamingItsField(String what, String field, String error) throws Exception {
        assertThatThrownBy(() -> ActivityShape.check(json("{" + BASE + "," + field + "}")))
                .isInstanceOf(InboundActivity.Invalid.class).hasMessageContaining(error);
    }

    @Test
    void whatIsNoActivityIsRefused() throws Exception {
        assertThatThrownBy(() -> ActivityShape.check(null)).hasMessage("malformed JSON");
        assertThatThrownBy(() -> ActivityShape.check(json("[1]"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ActivityShape.check(json("{\"type\":\"message\"}"))).hasMessageContaining("serviceUrl");
        assertThatThrownBy(() -> ActivityShape.check(json("{" + BASE + ",\"from\":null}"))).hasMessageContaining("from");
    }

    @Test
    void aLocaleThatIsNoLanguageTagIsDroppedAndAnUnderscoreOneMended() throws Exception {
        Activity bad = ActivityShape.check(json("{" + BASE + ",\"locale\":\"!!\"}"));
        assertThat(bad.getLocale()).isNull();
        assertThat(InboundActivity.locale(bad).getLanguage()).as("then the client's").isEqualTo("fr");
        assertThat(ActivityShape.check(json("{" + BASE + ",\"locale\":\"fr_CA\"}")).getLocale()).isEqualTo("fr-CA");
    }
}
