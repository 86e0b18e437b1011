package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/** What a trigger may open, where the core's addresses go on Slack, and what Slack's references read back as. */
class InteractionTest {

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final PersonRef alice = new PersonRef("slack", "T1", "UALICE");

    @Test
    void aTriggerOpensOneModalWithinItsLifetime() {
        Interaction i = Interaction.triggered(alice, Place.DIRECT, "t1", clock.instant(), clock);
        assertThat(i.takeTrigger()).contains("t1");
        assertThat(i.takeTrigger()).as("a trigger opens one modal").isEmpty();

        Interaction late = Interaction.triggered(alice, Place.ADMIN, "t2", clock.instant(), clock);
        clock.advance(Duration.ofSeconds(3));
        assertThat(late.takeTrigger()).isEmpty();
        assertThat(Interaction.plain(alice, Place.DIRECT, clock).takeTrigger()).isEmpty();
    }

    @Test
    void aCommandsResponseUrlAnswersOnlyWhereItWasTyped() {
        Interaction i = Interaction.command(alice, Place.group("G1"), "t", clock.instant(), clock, "G1",
                "https://hooks.slack.com/commands/1");
        assertThat(i.responseUrl("G1")).contains("https://hooks.slack.com/commands/1");
        assertThat(i.responseUrl("G2")).isEmpty();
        assertThat(i.responseUrl(null)).isEmpty();
    }

    @Test
    void theCoresAddressesAndPlacesBecomeSlacksConversationsInOnePlace() {
        AdminChannels admins = new AdminChannels(TestMongo.freshDatabase(), "CADMIN");
        Destination dm = Destination.of(Address.person(alice));
        Destination admin = Destination.of(Address.admin(new Scope("slack", "T1")));
        Destination group = Destination.of(Address.group(new GroupRef("slack", "T1", "G1")));
        assertThat(dm.key()).isEqualTo("dm:UALICE");
        assertThat(dm.channel(admins)).contains("UALICE");
        assertThat(admin.key()).isEqualTo("admin");
        assertThat(admin.channel(admins)).contains("CADMIN");
        assertThat(group.channel(admins)).contains("G1");
        for (Destination d : new Destination[] {dm, admin, group}) {
            assertThat(Destination.fromKey("T1", d.key())).isEqualTo(d);
            assertThat(Destination.placeOf(d.place().key())).isEqualTo(d.place());
        }
        assertThat(Destination.of(alice, Place.ADMIN)).isEqualTo(admin);
        assertThat(Destination.of(alice, Place.group("G1"))).isEqualTo(group);
        assertThat(Destination.ofChannel("T1", "CADMIN", admins)).isEqualTo(admin);
        assertThat(Destination.ofChannel("T1", "DALICE", admins).place()).as("a DM by its channel")
                .isEqualTo(Place.DIRECT);
        assertThat(Destination.placeOf(null)).isEqualTo(Place.DIRECT);
        assertThat(Destination.placeOf("group:")).isEqualTo(Place.DIRECT);
    }

    @Test
    void everyReferenceReadsBackAsWhatItPointsAt() {
        SlackRef posted = new SlackRef.Posted("T1", "DALICE", "1700000000.000100");
        SlackRef modal = new SlackRef.Modal("T1", "V1", "intake.mentee", "group:G1");
        SlackRef home = new SlackRef.Home("T1", "UALICE");
        SlackRef parked = new SlackRef.Parked("T1", "65f0c0ffee", "dm:UALICE");
        SlackRef ephemeral = new SlackRef.Ephemeral("T1", "GPAIR", "1700000000.000300");
        for (SlackRef r : new SlackRef[] {posted, modal, home, parked, ephemeral}) {
            assertThat(SlackRef.of(r.ref())).contains(r);
        }
        assertThat(posted.id()).isEqualTo("T1/DALICE/1700000000.000100");
        assertThat(SlackRef.of(SlackMessenger.PENDING)).isEmpty();
        assertThat(SlackRef.of(new MessageRef("teams", posted.id()))).isEmpty();
        assertThat(SlackRef.parse("T1//1")).isEmpty();
        assertThat(SlackRef.parse(null)).isEmpty();
    }

    @Test
    void aModalSaysWhereItWasOpenedForAndFrom() {
        SlackRef.Origin straight = SlackRef.Origin.read("admin");
        assertThat(straight.write()).as("as before: the place alone").isEqualTo("admin");
        assertThat(straight.copy("T1", "V9", "program.create"))
                .isEqualTo(new SlackRef.Modal("T1", "V9", "program.create", "admin"));
        SlackRef message = new SlackRef.Posted("T1", "CADMIN", "1700000000.000200");
        SlackRef.Origin kept = new SlackRef.Origin("admin", Optional.of(message));
        assertThat(SlackRef.Origin.read(kept.write())).isEqualTo(kept);
        assertThat(SlackRef.Origin.read(kept.write()).copy("T1", "V9", "program.create"))
                .as("its answer closes the message it was opened from").isEqualTo(message);
        assertThat(SlackRef.Origin.read(null).copy("T1", "V9", "f")).isEqualTo(new SlackRef.Modal("T1", "V9", "f",
                "dm"));
    }

    @Test
    void submittedValuesAreReadBack() {
        assertThat(Payloads.unescape("a &lt;b&gt; &amp;lt;")).isEqualTo("a <b> &lt;");
        assertThat(Payloads.values(null)).isEqualTo(Map.of());
    }
}
