package org.tandem.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.core.meetings.OnlineCalendar;
import org.tandem.core.settings.Settings;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.Seed;
import org.tandem.core.testing.TestMongo;

/**
 * What the core measures through a short journey: inbound events by platform and kind, the sweep, a matching
 * run and its size, the due items behind and pairs by stage; and that no meter names anybody.
 */
class CoreMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final Chat chat = new Chat(TestMongo.freshDatabase(), clock, Settings.defaults(), OnlineCalendar.NONE,
            new Meters(registry));

    @Test
    void aJourneyIsCountedWithoutNamingAnybody() {
        Chat.Person carol = chat.coordinator("carol");
        Seed.openProgramme(chat, "Leadership");
        Chat.Person alice = chat.person("alice");
        Seed.enrolMentee(alice, Forms.mentee());
        Chat.Person bob = chat.person("bob");
        Seed.enrolMentor(bob, Forms.mentor());
        carol.says("match");
        carol.clicksButton("Confirm");
        alice.clicksButton("Ask Bob");
        bob.clicksButton("Accept");

        // typed messages, clicks and submitted forms, each by its kind, on the platform of the person
        assertThat(count(Meters.INBOUND, "kind", "freetext")).isGreaterThanOrEqualTo(4);
        assertThat(count(Meters.INBOUND, "kind", "click")).isGreaterThanOrEqualTo(4);
        assertThat(count(Meters.INBOUND, "kind", "submit")).isEqualTo(3);
        assertThat(registry.get(Meters.INBOUND).tag("platform", "test").counters()).isNotEmpty();

        assertThat(registry.get(Meters.MATCHING).timer().count()).isEqualTo(1);
        assertThat(registry.get(Meters.MATCHING_SIZE).summary().totalAmount()).as("one mentee, one mentor")
                .isEqualTo(2);

        // what falls due a week on, and is not swept yet, is behind; the sweep then catches up
        clock.advance(Duration.ofDays(8));
        chat.core().gauge();
        Map<String, Double> behind = gauges(Meters.DUE_BACKLOG, "kind");
        assertThat(behind).isNotEmpty();
        assertThat(gauges(Meters.DUE_OLDEST, "kind").values()).allSatisfy(age -> assertThat(age).isPositive());
        assertThat(gauges(Meters.PAIRS, "stage")).containsKeys("proposed", "requested", "accepted", "introduced",
                "active");
        assertThat(gauges(Meters.PAIRS, "stage").values().stream().mapToDouble(Double::doubleValue).sum())
                .as("the pair the round made").isEqualTo(1);
        assertThat(gauges(Meters.PAIRS, "stage")).containsEntry("introduced", 1.0);

        chat.core().sweep();
        assertThat(registry.get(Meters.SWEEP).timer().count()).isEqualTo(1);

        for (Meter m : registry.getMeters()) {
            for (Tag t : m.getId().getTags()) {
                assertThat(t.getValue()).as(m.getId().getName() + " " + t.getKey())
                        .doesNotContain("alice", "bob", "carol", "Alice", "Bob", "Leadership", Chat.TENANT + "|");
            }
        }
    }

    private double count(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private Map<String, Double> gauges(String name, String tag) {
        Map<String, Double> values = new java.util.TreeMap<>();
        registry.find(name).gauges().forEach(g -> values.put(g.getId().getTag(tag), g.value()));
        return values;
    }
}
