package org.tandem.core.pairs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Turn;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.people.People;

/**
 * The introduction's buttons: each other's profile, "We have scheduled it" and "We have met" (which starts the click
 * check).
 */
public final class IntroFlow implements Flow {

    static final String ID = "intro";
    /** "We have scheduled it", on introductions sent before Tandem found times itself: still answered. */
    static final String SCHEDULED = ID + ".scheduled";
    static final String MET = ID + ".met";
    static final String PROFILE = ID + ".profile";

    private final Pairs pairs;
    private final Meetings meetings;
    private final ClickCheck clickCheck;
    private final People people;
    private final Enrollments enrollments;

    private final Questions questions;

    public IntroFlow(Pairs pairs, Meetings meetings, ClickCheck clickCheck, People people, Enrollments enrollments,
                     Questions questions) {
        this.questions = questions;
        this.pairs = pairs;
        this.meetings = meetings;
        this.clickCheck = clickCheck;
        this.people = people;
        this.enrollments = enrollments;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void bind(Bindings on) {
        on.click(SCHEDULED, PairAccess.members(pairs), this::scheduled)
                .click(MET, PairAccess.members(pairs), this::met)
                .click(PROFILE, PairAccess.members(pairs), this::profile);
    }

    /** Each sees the other's profile, privately: the introduction itself stays short. */
    private void profile(Turn turn, Input.Click click) {
        Optional<Pair> pair = pairs.find(click.value()).filter(p -> p.status().open());
        if (pair.isEmpty()) {
            turn.reply("intro.profile.ended");
            return;
        }
        turn.whisper(Introduction.profile(turn.t(), pair.get(), turn.who(), people, enrollments));
    }

    private Optional<Pair> introduced(Turn turn, Input.Click click) {
        Optional<Pair> pair = pairs.find(click.value()).filter(p -> p.status() == PairStatus.INTRODUCED);
        if (pair.isEmpty()) {
            turn.reply("intro.gone");
        }
        return pair;
    }

    private void scheduled(Turn turn, Input.Click click) {
        introduced(turn, click).ifPresent(p -> {
            pairs.scheduled(p.id(), turn.now());
            turn.reply("intro.scheduled.thanks");
        });
    }

    private void met(Turn turn, Input.Click click) {
        Optional<Pair> pair = introduced(turn, click);
        if (pair.isEmpty()) {
            return;
        }
        String who = turn.person().displayName();
        turn.answered(Introduction.key(pair.get()), t -> t.rich("intro.outcome.met", who,
                t.date(turn.now(), ZoneOffset.UTC)));
        turn.reply("intro.met.thanks");
        firstMeeting(pair.get(), LocalDate.ofInstant(turn.now(), ZoneOffset.UTC), turn.who(), turn.now());
    }

    /**
     * The planned first conversation took place, one of them said: as if they had clicked "We have met" on the
     * introduction's question, which now shows it.
     */
    void held(MeetingHeld held, Instant now) {
        Optional<Pair> pair = pairs.find(held.pair().id()).filter(p -> p.status() == PairStatus.INTRODUCED);
        if (pair.isEmpty()) {
            return;
        }
        String who = people.name(held.by());
        questions.close(Introduction.key(pair.get()), t -> t.rich("intro.outcome.met", who, t.date(held.date())));
        firstMeeting(pair.get(), held.date(), held.by(), now);
    }

    private void firstMeeting(Pair pair, LocalDate date, PersonRef by, Instant now) {
        // "introduced" and "met" are different facts: the first meeting is logged like every later one
        if (meetings.log(pair, date, by, now)) {
            pairs.met(pair.id(), now);
        }
        clickCheck.ask(pair, 0);
    }
}
