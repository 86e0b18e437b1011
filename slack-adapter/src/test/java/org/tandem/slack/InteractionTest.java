package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Rich;
import org.tandem.core.testing.MutableClock;

/** What a trigger may open, and what a modal submission captures. */
class InteractionTest {

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final PersonRef alice = new PersonRef("slack", "T1", "UALICE");

    @Test
    void aTriggerOpensOneModalWithinItsLifetime() {
        Interaction i = Interaction.triggered(alice, Place.DIRECT, "t1", clock.instant(), clock);
        assertThat(i.answers(new Destination.Person(alice))).isTrue();
        assertThat(i.answers(new Destination.Person(new PersonRef("slack", "T1", "UBOB")))).isFalse();
        assertThat(i.answers(new Destination.Admin("T1"))).as("not from the admin channel").isFalse();
        assertThat(i.takeTrigger()).contains("t1");
        assertThat(i.takeTrigger()).as("a trigger opens one modal").isEmpty();

        Interaction late = Interaction.triggered(alice, Place.ADMIN, "t2", clock.instant(), clock);
        assertThat(late.answers(new Destination.Admin("T1"))).isTrue();
        clock.advance(Duration.ofSeconds(3));
        assertThat(late.takeTrigger()).isEmpty();
    }

    @Test
    void aSubmissionCapturesTheFirstFormAndDefersTheRest() {
        Interaction i = Interaction.capturing(alice, Place.group("G1"), clock);
        assertThat(i.answers(new Destination.Group("T1", "G1"))).isTrue();
        assertThat(i.capture(Message.text(Rich.markup("a")))).isTrue();
        assertThat(i.capture(Message.text(Rich.markup("b")))).isFalse();
        StringBuilder ran = new StringBuilder();
        i.defer(() -> ran.append("x"));
        i.run(() -> assertThat(Interaction.current()).containsSame(i));
        assertThat(Interaction.current()).isEmpty();
        i.deferred().forEach(Runnable::run);
        assertThat(ran).hasToString("x");
        assertThat(i.takeTrigger()).isEmpty();
    }

    @Test
    void submittedValuesAndPlacesAreReadBack() {
        assertThat(Payloads.placeOf("admin")).isEqualTo(Place.ADMIN);
        assertThat(Payloads.placeOf("group:G7")).isEqualTo(Place.group("G7"));
        assertThat(Payloads.placeOf("dm")).isEqualTo(Place.DIRECT);
        assertThat(Payloads.placeOf(null)).isEqualTo(Place.DIRECT);
        assertThat(Payloads.unescape("a &lt;b&gt; &amp;lt;")).isEqualTo("a <b> &lt;");
        assertThat(Payloads.values(null)).isEqualTo(Map.of());
    }
}
