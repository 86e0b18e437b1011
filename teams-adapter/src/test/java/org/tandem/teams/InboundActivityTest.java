package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Input;

class InboundActivityTest {

    private static Activity activity(String json) throws Exception {
        return Serialization.treeToValue(Serialization.jsonToTree(json), Activity.class);
    }

    private static final String BASE = """
            "type":"message","id":"a1","serviceUrl":"https://smba.example/","channelId":"msteams",
            "from":{"id":"29:ann","name":"Ann","aadObjectId":"aad-ann"},"recipient":{"id":"28:bot","name":"Tandem"},
            "conversation":{"id":"a:1","conversationType":"personal","tenantId":"t-1"}""";

    @Test
    void textWhoAndWhereComeFromThePersonalChat() throws Exception {
        Activity a = activity("{" + BASE + ",\"text\":\" join \",\"locale\":\"fr-FR\",\"entities\":[{\"type\":"
                + "\"clientInfo\",\"locale\":\"fr-FR\",\"timezone\":\"Europe/Paris\"}]}");
        InboundActivity.check(a);
        assertThat(InboundActivity.personal(a)).isTrue();
        assertThat(InboundActivity.tenant(a)).isEqualTo("t-1");
        assertThat(InboundActivity.userId(a.getFrom())).isEqualTo("aad-ann");
        assertThat(InboundActivity.locale(a).getLanguage()).isEqualTo("fr");
        assertThat(InboundActivity.timeZone(a)).contains(ZoneId.of("Europe/Paris"));
        assertThat(InboundActivity.input(a, InboundActivity.text(a))).contains(new Input.FreeText("join"));
    }

    @Test
    void aButtonIsAClickOnTheCardItCameFrom() throws Exception {
        Activity a = activity("{" + BASE + ",\"replyToId\":\"r9\",\"value\":{\"tandem\":{\"action\":\"intake.role\","
                + "\"value\":\"mentee\"}}}");
        Input.Click click = (Input.Click) InboundActivity.input(a, "").orElseThrow();
        assertThat(click.actionId()).isEqualTo("intake.role");
        assertThat(click.value()).isEqualTo("mentee");
        assertThat(click.message()).isPresent();
    }

    @Test
    void aFormIsASubmitWithMultiSelectsSplit() throws Exception {
        Activity a = activity("{" + BASE + ",\"value\":{\"tandem\":{\"form\":\"intake.mentee\",\"multi\":[\"languages\"]},"
                + "\"hopes\":\"a, b\",\"languages\":\"en,fr\",\"years\":12,\"empty\":\"\"}}");
        Input.Submit submit = (Input.Submit) InboundActivity.input(a, "").orElseThrow();
        assertThat(submit.formId()).isEqualTo("intake.mentee");
        assertThat(submit.values()).isEqualTo(Map.of("hopes", List.of("a, b"), "languages", List.of("en", "fr"),
                "years", List.of("12"), "empty", List.of("")));
    }

    @Test
    void aTimeFromAPickerWithSecondsIsReadAsHoursAndMinutes() throws Exception {
        Activity a = activity("{" + BASE + ",\"value\":{\"tandem\":{\"form\":\"schedule.form\",\"time\":[\"time\"]},"
                + "\"date\":\"2027-03-16\",\"time\":\"14:30:00\",\"note\":\"10:00:00\"}}");
        Input.Submit submit = (Input.Submit) InboundActivity.input(a, "").orElseThrow();
        assertThat(submit.values()).isEqualTo(Map.of("date", List.of("2027-03-16"), "time", List.of("14:30"),
                "note", List.of("10:00:00")));
        assertThat(InboundActivity.time("9:05")).isEqualTo("09:05");
        assertThat(InboundActivity.time("08:00")).isEqualTo("08:00");
        assertThat(InboundActivity.time("23:59:59.999")).isEqualTo("23:59");
        assertThat(InboundActivity.time("25:00")).as("left for the core to refuse").isEqualTo("25:00");
        assertThat(InboundActivity.time("3:30 PM")).isEqualTo("3:30 PM");
        assertThat(InboundActivity.time("")).isEmpty();
    }

    @Test
    void theEmulatorHasNoTenantNoTypeAndNoEntraId() throws Exception {
        Activity a = activity("{\"type\":\"message\",\"id\":\"x\",\"serviceUrl\":\"http://localhost:5000\","
                + "\"from\":{\"id\":\"user1\"},\"conversation\":{\"id\":\"c1\"},\"text\":\"help\"}");
        InboundActivity.check(a);
        assertThat(InboundActivity.personal(a)).isTrue();
        assertThat(InboundActivity.tenant(a)).isEqualTo("local");
        assertThat(InboundActivity.userId(a.getFrom())).isEqualTo("user1");
        assertThat(InboundActivity.locale(a)).isEqualTo(Locale.ENGLISH);
        assertThat(InboundActivity.timeZone(a)).isEqualTo(Optional.empty());
    }

    @Test
    void aChannelMessageLosesTheMentionAndTheThread() throws Exception {
        Activity a = activity("{\"type\":\"message\",\"id\":\"m\",\"serviceUrl\":\"https://smba.example/\","
                + "\"from\":{\"id\":\"29:c\"},\"recipient\":{\"id\":\"28:bot\",\"name\":\"Tandem\"},"
                + "\"conversation\":{\"id\":\"19:abc@thread.tacv2;messageid=17\",\"conversationType\":\"channel\"},"
                + "\"channelData\":{\"tenant\":{\"id\":\"t-2\"}},\"text\":\"<at>Tandem</at> admin here\","
                + "\"entities\":[{\"type\":\"mention\",\"text\":\"<at>Tandem</at>\",\"mentioned\":{\"id\":\"28:bot\"}}]}");
        assertThat(InboundActivity.text(a)).isEqualTo("admin here");
        assertThat(InboundActivity.conversationId(a)).isEqualTo("19:abc@thread.tacv2");
        assertThat(InboundActivity.tenant(a)).isEqualTo("t-2");
    }

    @Test
    void aTeamsActivityNamesItsTeamWhenTeamsGivesTheName() throws Exception {
        String channel = "{\"type\":\"conversationUpdate\",\"id\":\"u\",\"serviceUrl\":\"https://smba.example/\","
                + "\"from\":{\"id\":\"29:c\"},\"recipient\":{\"id\":\"28:bot\"},"
                + "\"conversation\":{\"id\":\"19:team@thread.tacv2\",\"conversationType\":\"channel\"},";
        Activity named = activity(channel + "\"channelData\":{\"tenant\":{\"id\":\"t-2\"},"
                + "\"team\":{\"id\":\"19:team@thread.tacv2\",\"name\":\" Engineering \"}}}");
        assertThat(InboundActivity.teamId(named)).isEqualTo("19:team@thread.tacv2");
        assertThat(InboundActivity.teamName(named)).isEqualTo(" Engineering ");
        Activity unnamed = activity(channel + "\"channelData\":{\"team\":{\"id\":\"19:team@thread.tacv2\"}}}");
        assertThat(InboundActivity.teamName(unnamed)).isNull();
    }

    @Test
    void aChannelIsNamedByItsIdAsTypedOrInTheLinkTeamsCopies() {
        assertThat(TeamsDirectory.channelId("19:abc-1_x@thread.tacv2")).contains("19:abc-1_x@thread.tacv2");
        assertThat(TeamsDirectory.channelId("https://teams.microsoft.com/l/channel/19%3aabc%40thread.tacv2/Kudos"
                + "?groupId=g&tenantId=t")).contains("19:abc@thread.tacv2");
        assertThat(TeamsDirectory.channelId("#kudos")).isEmpty();
        assertThat(TeamsDirectory.channelId("100%")).isEmpty();
    }

    @Test
    void malformedActivitiesAreRefused() throws Exception {
        // (an activity's JSON shape is ActivityShape's: see ActivityShapeTest)
        assertThatThrownBy(() -> InboundActivity.check(activity("{" + BASE
                + ",\"value\":{\"tandem\":{\"form\":\"f\"},\"$where\":\"1\"}}")))
                .hasMessageContaining("no card of ours");
        assertThatThrownBy(() -> InboundActivity.check(activity("{" + BASE + ",\"value\":{\"tandem\":{\"form\":5}}}")))
                .hasMessageContaining("tandem.form");
        assertThatThrownBy(() -> InboundActivity.check(activity("{" + BASE
                + ",\"value\":{\"tandem\":{\"form\":\"f\"},\"x\":{\"nested\":1}}}")))
                .hasMessageContaining("'x' must be");
        assertThatThrownBy(() -> InboundActivity.check(activity("{" + BASE + ",\"text\":\"" + "a".repeat(4001) + "\"}")))
                .hasMessageContaining("longer than 4000");
    }
}
