package org.tandem.core;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.basics.BasicsFlow;
import org.tandem.core.basics.FormCancel;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.AskingMessenger;
import org.tandem.core.conversation.Bound;
import org.tandem.core.conversation.ConversationStates;
import org.tandem.core.conversation.Dispatcher;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.EventLedger;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.InboundEvent;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Router;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.TurnClock;
import org.tandem.core.demo.DemoSeed;
import org.tandem.core.home.HomeFlow;
import org.tandem.core.home.HomeView;
import org.tandem.core.intake.ConsentRefusals;
import org.tandem.core.intake.EnrollmentDigest;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.IntakeFlow;
import org.tandem.core.intake.LeaveFlow;
import org.tandem.core.intake.ProfileFlow;
import org.tandem.core.pairs.ClickCheck;
import org.tandem.core.pairs.ClickFlow;
import org.tandem.core.pairs.IntroFlow;
import org.tandem.core.pairs.Meetings;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairTimers;
import org.tandem.core.pairs.Pairing;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.pairs.RequestFlow;
import org.tandem.core.pairs.ShortlistFlow;
import org.tandem.core.pairs.Shortlists;
import org.tandem.core.people.People;
import org.tandem.core.people.Person;
import org.tandem.core.program.MatchingMode;
import org.tandem.core.program.ProgramFlow;
import org.tandem.core.program.Programs;
import org.tandem.core.rhythm.RhythmModule;
import org.tandem.core.rounds.MatchFlow;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.schedule.Sweeper;

/**
 * The core, assembled over one MongoDB database, one outbound {@link Messenger} and one {@link Clock}. Creating
 * it creates the indexes. Any number of instances (replicas) may share a database.
 */
public final class TandemCore {

    static final int REDELIVER_PER_SWEEP = 100;

    private final Dispatcher dispatcher;
    private final Pairing pairing;
    private final Programs programs;
    private final People people;
    private final Enrollments enrollments;
    private final Clock clock;
    private final HomeView home;
    private final DueItems dueItems;
    private final Sweeper sweeper;
    private final Messenger messenger;
    private final Governance governance;
    private final Questions questions;
    private Instant lastPurge;

    public TandemCore(MongoDatabase db, Messenger adapters, Clock time, Settings settings) {
        // one instant per turn and per due item, whatever the clock underneath does meanwhile
        TurnClock clock = new TurnClock(time);
        this.clock = clock;
        // every copy of a question the features send is recorded, to be updated once it is answered
        AskingMessenger messenger = new AskingMessenger(adapters);
        this.questions = new Questions(db, messenger, clock);
        messenger.recordIn(questions);
        this.messenger = messenger;
        this.people = new People(db);
        this.programs = new Programs(db);
        this.enrollments = new Enrollments(db);
        // flows plan work here; the handlers below perform it when it is due
        this.dueItems = new DueItems(db);
        Pairs pairs = new Pairs(db);
        PairTimers timers = new PairTimers(dueItems);
        this.pairing = new Pairing(pairs, programs, enrollments, people, messenger, questions, clock,
                settings.adminLocale(), timers);
        // a pair that closed, however it closed: nothing about it can be answered any more
        pairs.whenClosed(p -> questions.closeAll(p.id() + "|",
                Questions.Outcome.of("question.closed." + p.status().value())));
        ClickCheck clickCheck = new ClickCheck(pairs, programs, people, messenger, clock, pairing);
        Meetings meetings = new Meetings(db);
        RhythmModule rhythm = new RhythmModule(db, pairs, meetings, programs, enrollments, people, messenger,
                questions, clock, dueItems, settings);
        Shortlists shortlists = new Shortlists(db);
        ShortlistFlow shortlist = new ShortlistFlow(shortlists, pairing, programs, enrollments, people, messenger);
        pairing.listen(new Pairing.Listener() {
            @Override
            public void declined(Pair pair) {
                // the mentee chooses again, unless the programme matches automatically
                boolean automatic = programs.find(pair.program())
                        .map(p -> p.spec().matchingMode() == MatchingMode.AUTOMATIC).orElse(false);
                if (automatic) {
                    shortlist.askNext(pair.program(), pair.mentee());
                } else {
                    shortlist.offer(pair.program(), pair.mentee(), false, "shortlist.others");
                }
            }

            @Override
            public void expired(Pair pair) {
                shortlist.askNext(pair.program(), pair.mentee());
            }
        });
        clickCheck.listen(new ClickCheck.Listener() {
            @Override
            public void active(Pair pair) {
                rhythm.activated(pair);
            }

            @Override
            public void noClick(Pair pair) {
            }

            @Override
            public void askAgainLater(Pair pair, int round) {
                timers.askClickLater(pair, round, clock.instant().plus(PairTimers.CLICK_AGAIN));
            }
        });
        EnrollmentDigest digest = new EnrollmentDigest(enrollments, programs, people, messenger, dueItems, settings);
        IntakeFlow.Listener onEnrolled = (turn, program, role) -> digest.plan(program.scope(), turn.now());
        // the rhythm's part in the admin channel (numbers only) and in people's data (my-data, forget-me)
        this.governance = new Governance(db, messenger, questions, clock, settings, people, programs, enrollments, pairs,
                shortlists, dueItems, rhythm.figures(), rhythm.personalData());
        List<Flow> flows = new ArrayList<>(List.of(
                new BasicsFlow(people),
                new FormCancel(),
                new IntakeFlow(programs, enrollments, new ConsentRefusals(db), onEnrolled),
                new ProfileFlow(programs, enrollments),
                new LeaveFlow(programs, enrollments, settings.adminLocale(), pairing::left),
                new ProgramFlow(programs, enrollments::menteesAndMentors, rhythm::pause),
                new MatchFlow(db, programs, enrollments, pairs, people, pairing, shortlists, shortlist),
                shortlist,
                new RequestFlow(pairs, pairing),
                new IntroFlow(pairs, meetings, clickCheck),
                new ClickFlow(pairs, clickCheck),
                new HomeFlow()));
        flows.addAll(rhythm.flows());
        flows.addAll(governance.flows());
        Router router = new Router(flows);
        this.home = new HomeView(people, programs, enrollments, pairs);
        this.dispatcher = new Dispatcher(router, people, new ConversationStates(db), new EventLedger(db),
                messenger, questions, clock, governance.trail());
        List<DueHandler> handlers = new ArrayList<>(PairTimers.handlers(pairs, pairing, clickCheck));
        handlers.add(digest);
        handlers.addAll(rhythm.handlers());
        handlers.addAll(governance.handlers());
        this.sweeper = new Sweeper(dueItems, handlers, clock, Sweeper.newOwnerId());
        governance.planRecurring();
    }

    public TandemCore(MongoDatabase db, Messenger messenger, Clock clock) {
        this(db, messenger, clock, Settings.defaults());
    }

    /** Handles one inbound event (call it after the platform was acknowledged). */
    public void handle(InboundEvent event) {
        dispatcher.handle(event);
    }

    /** Whether an action id is one of ours: adapters answer 400 to others. */
    public boolean knowsAction(String actionId) {
        return dispatcher.knowsAction(actionId);
    }

    /** Whether a form id is one of ours. */
    public boolean knowsForm(String formId) {
        return dispatcher.knowsForm(formId);
    }

    /** Every button and form id the core answers, with who may use each (for adapters' manifests, and tests). */
    public Bound bound() {
        return dispatcher.bound();
    }

    /**
     * Whether a form id is one of ours and declares every one of these fields: adapters answer 400 to a submission
     * with any other field (the dispatcher refuses it too, storing nothing).
     */
    public boolean formAccepts(String formId, Set<String> fields) {
        return dispatcher.formAccepts(formId, fields);
    }

    /**
     * Performs the due items whose time has come, then has the adapters try again what a platform refused;
     * returns how many items it took. The scheduler calls it.
     */
    public int sweep() {
        int swept = sweeper.sweep();
        messenger.redeliver(REDELIVER_PER_SWEEP);
        Instant now = clock.instant();
        if (lastPurge == null || now.isAfter(lastPurge.plus(Duration.ofHours(1)))) {
            lastPurge = now;
            questions.purge();
        }
        return swept;
    }

    /**
     * When the next scheduled work falls due, if any. The dev clock, jumping forward, stops there on its way and
     * sweeps, so that a jump behaves as the time passing would: what is deferred to 9:30 happens at 9:30.
     */
    public Optional<Instant> nextDue() {
        return dueItems.nextClaimable();
    }

    /** The scheduled work, e.g. to look at or count FAILED items. */
    public DueItems dueItems() {
        return dueItems;
    }

    /**
     * A workspace removed Tandem (an adapter saw it uninstalled): its people's personal data is erased after the
     * retention period, unless {@link #workspaceBack} comes first.
     */
    public void workspaceGone(Scope scope) {
        governance.purge().gone(scope);
    }

    /**
     * A workspace shows a sign of life (an install, a token that works, an event handled with one): its planned
     * erasure, if any, is cancelled. Cheap when nothing is planned, but adapters need not call it for every event.
     */
    public void workspaceBack(Scope scope) {
        governance.purge().back(scope);
    }

    /** Whether the erasure of a workspace that removed Tandem is planned. */
    public boolean workspacePurgePlanned(Scope scope) {
        return governance.purge().planned(scope);
    }

    /**
     * Runs {@code listener} after each erasure (forget-me, a closed programme's retention, a removed workspace) is
     * complete: the deployment rewrites the embedded database file there, so that erased data is not left in its
     * old pages.
     */
    public void afterEachErasure(Runnable listener) {
        governance.afterEachErasure(listener);
    }

    /** The pairing steps, for the matching flows and for tests. */
    public Pairing pairing() {
        return pairing;
    }

    public Programs programs() {
        return programs;
    }

    /** Seeds the sample programme into a workspace unless it is there already (see {@link DemoSeed}). */
    public boolean seedDemo(Scope scope) {
        return DemoSeed.seed(scope, programs, people, enrollments, clock);
    }

    /** A person's home view (status, next step, buttons), for platforms that have a home surface. */
    public Message home(Actor actor) {
        return home.of(actor);
    }

    /** The language to speak to a person in (their choice, else their platform's; English for a stranger). */
    public Locale locale(PersonRef person) {
        return people.find(person).map(Person::locale).orElse(Locale.ENGLISH);
    }
}
