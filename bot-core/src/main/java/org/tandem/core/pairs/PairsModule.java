package org.tandem.core.pairs;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Questions;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.MentorFigures;
import org.tandem.core.intake.PersonLeft;
import org.tandem.core.module.Events;
import org.tandem.core.module.Feature;
import org.tandem.core.people.People;
import org.tandem.core.program.MatchingMode;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.settings.Settings;

/**
 * Pairs, assembled: the shortlist a mentee chooses from (and its reminders), the request to a mentor, the
 * introduction, "did it click?", and the timers between them. It owns the pair state machine ({@link Pairs})
 * and publishes {@link PairActivated} and {@link PairClosed}; it listens to {@link PersonLeft} (their pairs there
 * end, their shortlist's reminders go), to its own {@link RequestEnded} (the mentee moves on) and
 * {@link RequestAccepted} (a mentor with no place left leaves the other lists). The one entry type of the feature.
 */
public final class PairsModule implements Feature {

    private final Pairs pairs;
    private final Meetings meetings;
    private final Shortlists shortlists;
    private final Pairing pairing;
    private final ShortlistFlow shortlist;
    private final List<Flow> flows;
    private final List<DueHandler> handlers;

    public PairsModule(MongoDatabase db, Events events, Programs programs, Enrollments enrollments, People people,
                       Messenger messenger, Questions questions, Clock clock, DueItems due, Settings settings) {
        this.pairs = new Pairs(db, events);
        this.meetings = new Meetings(db);
        this.shortlists = new Shortlists(db);
        PairTimers timers = new PairTimers(due);
        this.pairing = new Pairing(pairs, programs, enrollments, people, messenger, questions, clock,
                settings.adminLocale(), timers, events);
        ClickCheck clickCheck = new ClickCheck(pairs, programs, people, messenger, clock, pairing, timers, events);
        ShortlistReminders reminders = new ShortlistReminders(shortlists, pairs, programs, enrollments, people,
                messenger, questions, due, clock, settings);
        this.shortlist = new ShortlistFlow(shortlists, pairing, programs, enrollments, people, messenger, reminders,
                pairs, meetings);
        TakenMentors taken = new TakenMentors(shortlists, pairs, programs, enrollments, people, pairing, shortlist,
                reminders, clock);
        IntroFlow intro = new IntroFlow(pairs, meetings, clickCheck, people, enrollments, questions);
        this.flows = List.of(shortlist, new RequestFlow(pairs, pairing),
                intro, new ClickFlow(pairs, clickCheck),
                new EndFlow(pairs, programs, people, pairing), reminders);
        List<DueHandler> all = new ArrayList<>(PairTimers.handlers(pairs, pairing, clickCheck));
        all.addAll(reminders.handlers());
        this.handlers = List.copyOf(all);

        // a pair that closed, however it closed: nothing about it can be answered any more
        events.on(PairClosed.class, e -> questions.closeAll(e.pair().id() + "|",
                Questions.Outcome.of("question.closed." + e.pair().status().value())));
        events.on(PersonLeft.class, e -> {
            pairing.left(e.person(), e.program());
            reminders.cancel(e.program(), e.person());
        });
        events.on(RequestAccepted.class, e -> taken.accepted(e.pair()));
        events.on(MeetingHeld.class, e -> intro.held(e, clock.instant()));
        events.on(FirstMeetingPlanned.class, e -> pairs.find(e.pair().id())
                .filter(p -> p.status() == PairStatus.INTRODUCED && p.clickRounds() == 0)
                .ifPresent(p -> timers.postponeClick(p, e.askAfter())));
        events.on(RequestEnded.class, e -> {
            Pair pair = e.pair();
            // the mentee chooses again, unless the programme matches automatically
            boolean automatic = programs.find(pair.program())
                    .map(p -> p.spec().matchingMode() == MatchingMode.AUTOMATIC).orElse(false);
            if (e.declined() && !automatic) {
                shortlist.offer(pair.program(), pair.mentee(), false, "shortlist.others");
            } else {
                shortlist.askNext(pair.program(), pair.mentee());
            }
        });
    }

    @Override
    public String name() {
        return "pairs";
    }

    /** The pairs and their state machine. */
    public Pairs pairs() {
        return pairs;
    }

    /** The meetings a pair logged. */
    public Meetings meetings() {
        return meetings;
    }

    /** What each mentor gave, in numbers, for their profile (intake's port, counted here). */
    public MentorFigures mentorFigures() {
        return mentor -> {
            Contribution c = Contribution.of(pairs, meetings, mentor);
            return new MentorFigures.Gave(c.mentees(), c.meetings(), c.hours(), c.programs(), c.thanks());
        };
    }

    /** The mentees' shortlists. */
    public Shortlists shortlists() {
        return shortlists;
    }

    /** The steps from a request to an introduction, for the matching rounds. */
    public Pairing pairing() {
        return pairing;
    }

    /** The shortlist offered to a mentee, for the matching rounds. */
    public ShortlistFlow shortlist() {
        return shortlist;
    }

    @Override
    public List<Flow> flows() {
        return flows;
    }

    @Override
    public List<DueHandler> handlers() {
        return handlers;
    }
}
