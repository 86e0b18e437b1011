package org.tandem.core.rhythm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.program.Cadence;
import org.tandem.core.program.ProgramTemplate;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.Render;
import org.tandem.core.testing.Seed;
import org.tandem.core.testing.TestMongo;

/** Every cadence plans its check-ins, and every template carries a pair from its agreement to its close. */
class WholeLifeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String OOPS = "something went wrong";

    @Test
    void aCadenceIsCountedOnThePersonsCalendar() {
        Instant endOfJanuary = ZonedDateTime.of(2026, 1, 31, 10, 0, 0, 0, PARIS).toInstant();
        assertThat(Cadence.MONTHLY.after(endOfJanuary, PARIS).atZone(PARIS).toLocalDateTime())
                .as("a month after 31 January is the end of February").hasToString("2026-02-28T10:00");
        Instant beforeSummerTime = ZonedDateTime.of(2026, 3, 23, 10, 0, 0, 0, PARIS).toInstant();
        assertThat(Cadence.WEEKLY.after(beforeSummerTime, PARIS).atZone(PARIS).toLocalDateTime())
                .as("the clocks change, the hour stays").hasToString("2026-03-30T10:00");
        assertThat(Cadence.BIMONTHLY.after(endOfJanuary, PARIS, 2).atZone(PARIS).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 5, 31));
        for (Cadence c : Cadence.values()) {
            assertThat(c.length(endOfJanuary, PARIS)).isGreaterThanOrEqualTo(Duration.ofDays(7));
            assertThat(Cadence.parse(c.value())).contains(c);
        }
    }

    /** Agreed on Saturday 31 January: the first check-in is one cadence later on the mentee's calendar. */
    @ParameterizedTest
    @EnumSource(Cadence.class)
    void everyCadencePlansItsCheckInsInTheMenteesZone(Cadence cadence) {
        Chat chat = new Chat(TestMongo.freshDatabase(), MutableClock.at("2026-01-31T09:00:00Z"));
        Chat.Person alice = chat.person("alice");
        Chat.Person bob = chat.person("bob");
        Seed.openProgramme(chat, "Leadership");
        Pair pair = Life.agreed(chat, "Leadership", alice, bob, cadence.value());
        assertThat(bob.inbox().text()).doesNotContain(OOPS).contains("is confirmed");
        Instant agreedAt = pair.agreement().orElseThrow().agreedAt().orElseThrow();

        DueItem first = chat.core().dueItems().find(CheckIns.TICK + "|" + pair.id() + "|1").orElseThrow();
        assertThat(first.dueAt()).isEqualTo(cadence.after(agreedAt, PARIS));
        int mark = chat.mark();
        Life.walk(chat, first.dueAt().plus(Duration.ofDays(4)), Duration.ofHours(2));
        assertThat(alice.dmsSince(mark).text()).containsOnlyOnce("Have you met *Bob* since");
        assertThat(chat.outbox().all()).noneMatch(s -> Render.text(s.message()).contains(OOPS));
    }

    /** A pair that answers every check-in, from a template's defaults to the close, on the template's calendar. */
    @ParameterizedTest
    @EnumSource(ProgramTemplate.class)
    void everyTemplateCarriesAPairToItsClose(ProgramTemplate template) {
        Chat chat = new Chat(TestMongo.freshDatabase(), MutableClock.at("2026-03-02T09:00:00Z"));
        Chat.Person alice = chat.person("alice");
        Chat.Person bob = chat.person("bob");
        String name = Life.fromTemplate(chat, template);
        Pair pair = Life.agreed(chat, name, alice, bob, null);
        Pairs pairs = new Pairs(chat.db());
        int seen = chat.mark();
        boolean midpoint = false;
        Instant limit = chat.clock().instant().plus(Duration.ofDays(400));
        while (pairs.find(pair.id()).orElseThrow().status() == PairStatus.ACTIVE) {
            assertThat(chat.clock().instant()).as("the pair closes before a year and a month").isBefore(limit);
            Life.walk(chat, chat.clock().instant().plus(Duration.ofHours(3)), Duration.ofHours(3));
            String news = alice.dmsSince(seen).text();
            seen = chat.mark();
            midpoint |= news.contains("half-way through");
            if (news.contains("Have you met *Bob*")) {
                LocalDate today = LocalDate.ofInstant(chat.clock().instant(), PARIS);
                alice.clicksButton("Yes, we met");
                assertThat(alice.submits("checkin.met-form", Map.of("date", today.toString())).text())
                        .contains("Logged");
            }
            if (news.contains("[Close our mentoring]")) {
                alice.clicksButton("Close our mentoring");
            }
        }
        Pair done = pairs.find(pair.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(PairStatus.COMPLETED);
        assertThat(midpoint).as("the midpoint review came").isTrue();
        assertThat(done.rhythm().meetings()).as("a meeting per cadence, about")
                .isGreaterThanOrEqualTo(expectedMeetings(template) - 2);
        assertThat(chat.outbox().all()).noneMatch(s -> Render.text(s.message()).contains(OOPS));
        assertThat(chat.core().dueItems().count(DueItem.Status.FAILED)).isZero();

        int after = chat.mark();
        Life.walk(chat, chat.clock().instant().plus(Duration.ofDays(60)), Duration.ofHours(6));
        assertThat(alice.dmsSince(after).messages()).as("nothing reaches them after the close").isEmpty();
        assertThat(bob.dmsSince(after).messages()).isEmpty();
    }

    private static int expectedMeetings(ProgramTemplate template) {
        return switch (template) {
            case ONBOARDING -> 12;
            case LEADERSHIP -> 12;
            case CAREER -> 8;
        };
    }
}
