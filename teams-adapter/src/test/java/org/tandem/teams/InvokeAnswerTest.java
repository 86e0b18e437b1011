package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An invoke has one answer: the card as the turn left it, or a text for the one who acted, never both. */
class InvokeAnswerTest {

    private static final ObjectNode CARD = JsonNodeFactory.instance.objectNode().put("type", "AdaptiveCard");

    @Test
    void whatWasSaidToThePersonIsTheAnswerAndALaterCardIsSentAnotherWay() {
        InvokeAnswer answer = new InvokeAnswer();
        assertThat(answer.say("I've written to you.")).isTrue();
        assertThat(answer.say("Twice.")).isTrue();
        assertThat(answer.capture(CARD)).as("the caller updates the card as any card").isFalse();
        AdaptiveCardInvokeResponse r = body(answer);
        assertThat(r.getType()).isEqualTo(InvokeAnswer.MESSAGE);
        assertThat(r.getValue()).isEqualTo("I've written to you.\nTwice.");
        assertThat(answer.say("Too late.")).isFalse();
    }

    @Test
    void aCardShownAgainIsTheAnswerAndALaterTextGoesAnotherWay() {
        InvokeAnswer answer = new InvokeAnswer();
        assertThat(answer.capture(CARD)).isTrue();
        assertThat(answer.say("Noted.")).as("the caller writes it to the person's chat").isFalse();
        AdaptiveCardInvokeResponse r = body(answer);
        assertThat(r.getType()).isEqualTo(InvokeAnswer.CARD);
        assertThat(r.getValue()).isEqualTo(CARD);
    }

    private static AdaptiveCardInvokeResponse body(InvokeAnswer answer) {
        return (AdaptiveCardInvokeResponse) answer.answer(Optional::empty, "noted").getBody();
    }
}
