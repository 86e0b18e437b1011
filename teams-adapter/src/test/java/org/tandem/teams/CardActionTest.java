package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.MessageRef;

/** {@code adaptiveCard/action} invokes as Teams sends them: an Action.Execute's data, or a card's refresh. */
class CardActionTest {

    private static final String INVOKE = """
            "type":"invoke","name":"adaptiveCard/action","id":"i1","serviceUrl":"https://smba.example/",
            "from":{"id":"29:ann","aadObjectId":"aad-ann"},"replyToId":"act-7",
            "conversation":{"id":"a:1","conversationType":"personal","tenantId":"t-1"}""";

    private static Activity activity(String json) throws Exception {
        return Serialization.treeToValue(Serialization.jsonToTree("{" + INVOKE + "," + json + "}"), Activity.class);
    }

    @Test
    void anExecuteIsTheClickItsDataSaysOnTheCardItNames() throws Exception {
        Activity a = activity("""
                "value":{"trigger":"manual","action":{"type":"Action.Execute","verb":"pairs.accept",
                "data":{"tandem":{"action":"pairs.accept","value":"p1","card":"c-1"}}}}""");
        InboundActivity.check(a);
        CardAction.Act act = (CardAction.Act) CardAction.read(a);
        assertThat(act.cardId()).contains("c-1");
        MessageRef card = TeamsRefs.card("c-1");
        Input.Click click = (Input.Click) InboundActivity.submitted(act.data(), Optional.of(card));
        assertThat(click.actionId()).isEqualTo("pairs.accept");
        assertThat(click.value()).isEqualTo("p1");
        assertThat(click.message()).contains(card);
    }

    @Test
    void aFormsExecuteCarriesItsInputsBesideOurData() throws Exception {
        Activity a = activity("""
                "value":{"action":{"type":"Action.Execute","verb":"intake.mentee",
                "data":{"tandem":{"form":"intake.mentee","multi":["languages"]},"languages":"en,fr","hopes":"x"}}}}""");
        CardAction.Act act = (CardAction.Act) CardAction.read(a);
        assertThat(act.cardId()).isEmpty();
        Input.Submit submit = (Input.Submit) InboundActivity.submitted(act.data(), Optional.empty());
        assertThat(submit.list("languages")).isEqualTo(List.of("en", "fr"));
        assertThat(submit.value("hopes")).isEqualTo("x");
    }

    @Test
    void aRefreshNamesItsCard() throws Exception {
        Activity a = activity("""
                "value":{"trigger":"automatic","action":{"type":"Action.Execute","verb":"tandem.refresh",
                "data":{"tandem":{"refresh":"c-2"}}}}""");
        InboundActivity.check(a);
        assertThat(CardAction.read(a)).isEqualTo(new CardAction.Refresh("c-2"));
    }

    @Test
    void whatNoCardOfOursSendsIsRefused() {
        assertThatThrownBy(() -> InboundActivity.check(activity("\"value\":{}"))).hasMessageContaining("value.action");
        assertThatThrownBy(() -> InboundActivity.check(activity(
                "\"value\":{\"action\":{\"type\":\"Action.Submit\",\"data\":{\"tandem\":{}}}}")))
                .hasMessageContaining("Action.Execute");
        assertThatThrownBy(() -> InboundActivity.check(activity(
                "\"value\":{\"action\":{\"type\":\"Action.Execute\",\"data\":{\"other\":1}}}")))
                .hasMessageContaining("tandem");
        assertThatThrownBy(() -> InboundActivity.check(activity(
                "\"value\":{\"action\":{\"type\":\"Action.Execute\",\"data\":{\"tandem\":{\"refresh\":\"$x\"}}}}")))
                .hasMessageContaining("card id");
        assertThatThrownBy(() -> InboundActivity.check(activity(
                "\"value\":{\"action\":{\"type\":\"Action.Execute\",\"data\":{\"tandem\":{\"action\":\"a\","
                        + "\"card\":{\"$ne\":1}}}}}")))
                .hasMessageContaining("tandem.card");
        assertThatThrownBy(() -> InboundActivity.check(activity(
                "\"value\":{\"action\":{\"type\":\"Action.Execute\",\"data\":{\"tandem\":{\"form\":\"f\"},"
                        + "\"$where\":\"1\"}}}}")))
                .hasMessageContaining("no card of ours");
    }

    @Test
    void anInvokeOfAnotherNameIsNotOurs() throws Exception {
        Activity a = activity("\"value\":{}");
        a.setName("composeExtension/query");
        assertThatThrownBy(() -> InboundActivity.check(a)).hasMessageContaining("no invoke named");
    }
}
