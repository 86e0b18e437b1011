package org.tandem.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.ConversationStates;
import org.tandem.core.conversation.AdminTrail;
import org.tandem.core.conversation.Dispatcher;
import org.tandem.core.conversation.EventLedger;
import org.tandem.core.conversation.InboundEvent;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Router;
import org.tandem.core.conversation.TurnClock;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.invitations.Invitations;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.pairs.Shortlists;
import org.tandem.core.people.People;
import org.tandem.core.rounds.Waiting;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Render;

/** {@code status}, {@code pending} and {@code at-risk} on a programme in mid-flight: numbers and stages only. */
class StatusAndPendingTest {

    private final Chat chat = new Chat();
    private final Seeded seeded = new Seeded(chat);

    @Test
    void statusCountsPeoplePlacesAndStages() {
        String status = seeded.carol.says("status").text();
        // the rhythm measures from the start: no meeting yet is a real zero, and nobody has reflected yet
        assertThat(status).contains("*Leadership* — Open for enrolment", "Mentees enrolled: 5", "Mentors enrolled: 3",
                "Places left with mentors: 1", "Pairs by stage: proposed 1 · requested 1 · introduced 1 · declined 1",
                "Meetings logged (30 days): 0", "Pairs at risk: 0", "Average progress: not measured yet");
        assertThat(seeded.carol.says("status lead").text()).contains("Mentees enrolled: 5");
        assertThat(Seeded.secrets()).allSatisfy(s -> assertThat(status).doesNotContain(s));
    }

    @Test
    void pendingSaysWhoWaitsForWhatAndWhy() {
        String pending = seeded.carol.says("pending").text();
        assertThat(pending).contains("*Waiting in Leadership*",
                "*Proposals waiting for your approval* (1):\n• Gina with Bob, proposed on Mar 2, 2026",
                "*Requests waiting for a mentor's answer* (1):\n• Frank has not answered Eve yet (until Mar 5, 2026)",
                "*Mentees without a mentor* (2):",
                "• Dan: Every mentor who fits you has a full schedule for now",
                "• Ivy: a mentor fits now; `match` will propose one.");
        assertThat(pending).doesNotContain("• Alice", "• Gina:", "• Eve:");
        assertThat(Seeded.secrets()).allSatisfy(s -> assertThat(pending).doesNotContain(s));
    }

    @Test
    void atRiskListsWhatTheRhythmFlagsAndSaysWhenItFlagsNothingYet() {
        assertThat(seeded.carol.says("at-risk").text()).contains("*Pairs needing attention in Leadership*: 0",
                "No pair is flagged");

        RhythmFigures flagged = new RhythmFigures() {
            @Override
            public java.util.List<AtRisk> atRisk(String programId, Instant now) {
                return List.of(new AtRisk(seeded.aliceAndBob.id(), "stage.no_click",
                        Optional.of(Instant.parse("2026-02-20T10:00:00Z"))));
            }

            @Override
            public OptionalInt meetingsBetween(String programId, Instant from, Instant to) {
                return OptionalInt.of(7);
            }

            @Override
            public OptionalDouble averageSatisfaction(String programId) {
                return OptionalDouble.of(4.25);
            }

            @Override
            public boolean measures() {
                return true;
            }
        };
        String atRisk = ask(flagged, "at-risk");
        assertThat(atRisk).contains("Pairs needing attention in Leadership*: 1",
                "• Alice and Bob (introduced): no click, since Feb 20, 2026").doesNotContain("not logged yet");
        String status = ask(flagged, "status");
        assertThat(status).contains("Meetings logged (30 days): 7", "Pairs at risk: 1",
                "Average progress: not measured yet", "Average satisfaction: 4.3 / 5");
    }

    @Test
    void aParticipantAskingIsRefused() {
        assertThat(seeded.alice.says("status").text()).contains("is for coordinators").doesNotContain("Mentees");
        assertThat(seeded.alice.says("pending").text()).doesNotContain("Dan");
    }

    /** The same flows with another rhythm, over the same database, as the core would run them. */
    private String ask(RhythmFigures rhythm, String line) {
        var db = chat.db();
        Enrollments enrollments = new Enrollments(db);
        Pairs pairs = new Pairs(db);
        People people = new People(db);
        var out = new org.tandem.core.testing.RecordingMessenger();
        Router router = new Router(List.of(
                new StatusFlow(chat.core().programs(), new Figures(enrollments, pairs, rhythm), new Invitations(db)),
                new PendingFlow(chat.core().programs(), pairs, new Shortlists(db), new Waiting(db, enrollments, pairs),
                        people, rhythm, java.time.ZoneOffset.UTC)));
        new Dispatcher(router, people, new ConversationStates(db), new EventLedger(db), out,
                new Questions(db, out, chat.clock()), new TurnClock(chat.clock()), AdminTrail.NONE).handle(new InboundEvent(new org.tandem.core.conversation.Actor(seeded.carol.ref(), "carol",
                        java.util.Locale.ENGLISH), Place.ADMIN, "x-" + line, Input.Command.parse(line)));
        return String.join("\n", out.all().stream().map(s -> Render.text(s.message())).toList());
    }
}
