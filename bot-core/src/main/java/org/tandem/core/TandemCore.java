package org.tandem.core;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.admin.AdminModule;
import org.tandem.core.audit.AuditModule;
import org.tandem.core.basics.BasicsModule;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.AdminTrail;
import org.tandem.core.conversation.AskingMessenger;
import org.tandem.core.conversation.Bound;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.ConversationStates;
import org.tandem.core.conversation.Dispatcher;
import org.tandem.core.conversation.EventLedger;
import org.tandem.core.conversation.InboundEvent;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Person;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Router;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.SendBudgets;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.TurnClock;
import org.tandem.core.demo.DemoSeed;
import org.tandem.core.home.HomeModule;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.IntakeModule;
import org.tandem.core.intake.MentorFigures;
import org.tandem.core.invitations.InvitationsModule;
import org.tandem.core.meetings.MeetingsModule;
import org.tandem.core.meetings.OnlineCalendar;
import org.tandem.core.module.Events;
import org.tandem.core.module.Feature;
import org.tandem.core.pairs.Pairing;
import org.tandem.core.pairs.PairsModule;
import org.tandem.core.people.People;
import org.tandem.core.privacy.CoreData;
import org.tandem.core.privacy.PrivacyModule;
import org.tandem.core.program.ProgramModule;
import org.tandem.core.program.Programs;
import org.tandem.core.rhythm.RhythmModule;
import org.tandem.core.rounds.RoundsModule;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.schedule.Sweeper;
import org.tandem.core.settings.Settings;
import org.tandem.core.telemetry.Meters;
import org.tandem.core.workshops.WorkshopsModule;

/**
 * The core, assembled over one MongoDB database, one outbound {@link Messenger} and one {@link Clock}. Creating
 * it creates the indexes. Any number of instances (replicas) may share a database.
 */
public final class TandemCore {

    static final int REDELIVER_PER_SWEEP = 100;
    /** How often, at most, the gauges read from the database are refreshed. */
    static final Duration GAUGE_EVERY = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(TandemCore.class);

    private final Dispatcher dispatcher;
    private final PairsModule pairs;
    private final Programs programs;
    private final People people;
    private final Clock clock;
    private final HomeModule home;
    private final IntakeModule intake;
    private final PrivacyModule privacy;
    private final List<Feature> features;
    private final DueItems dueItems;
    private final Sweeper sweeper;
    private final SendBudgets budgets;
    private final Messenger messenger;
    private final Questions questions;
    private final Meters meters;
    private Instant lastPurge;
    /** When the gauges read from the database were last refreshed ({@link System#nanoTime}), if ever. */
    private volatile long gaugedAt;
    private volatile boolean gaugedOnce;

    public TandemCore(MongoDatabase db, Messenger adapters, Clock time, Settings settings) {
        this(db, adapters, time, settings, OnlineCalendar.NONE);
    }

    /** With people's online calendars (Microsoft Graph), where the deployment reaches them. */
    public TandemCore(MongoDatabase db, Messenger adapters, Clock time, Settings settings, OnlineCalendar calendar) {
        this(db, adapters, time, settings, calendar, Meters.none());
    }

    /** With the meters an operator reads ({@link Meters}): inbound events, sweeps, matching, backlog and pairs. */
    public TandemCore(MongoDatabase db, Messenger adapters, Clock time, Settings settings, OnlineCalendar calendar,
                      Meters meters) {
        this.meters = meters;
        // one instant per turn and per due item, whatever the clock underneath does meanwhile
        TurnClock clock = new TurnClock(time);
        this.clock = clock;
        // every copy of a question the features send is recorded, to be updated once it is answered
        AskingMessenger messenger = new AskingMessenger(adapters);
        this.questions = new Questions(db, messenger, clock);
        messenger.recordIn(questions);
        this.messenger = messenger;
        // what one feature tells another
        Events events = new Events();
        // what every feature reads
        this.people = new People(db);
        this.programs = new Programs(db);
        // features plan work here; their handlers perform it when it is due
        this.dueItems = new DueItems(db);

        // the features, each over those below it
        // the profile shows what a mentor gave as the pairs count it; the pairs, built over intake's enrolments,
        // come next, and nobody looks at a profile before the core is assembled
        this.intake = new IntakeModule(db, events, programs, people, messenger, dueItems, settings, this::gave);
        Enrollments enrollments = intake.enrollments();
        this.pairs = new PairsModule(db, events, programs, enrollments, people, messenger, questions, clock,
                dueItems, settings);
        RoundsModule rounds = new RoundsModule(db, programs, enrollments, people, pairs, meters);
        MeetingsModule meetings = new MeetingsModule(db, events, pairs.pairs(), people, enrollments, programs,
                messenger, questions, clock, dueItems, settings, calendar);
        RhythmModule rhythm = new RhythmModule(db, events, pairs.pairs(), pairs.meetings(), meetings.plans(), programs,
                enrollments, people, messenger, questions, clock, dueItems, settings);
        ProgramModule program = new ProgramModule(programs, events, enrollments::menteesAndMentors, rhythm::pause);
        this.home = new HomeModule(people, programs, enrollments, pairs.pairs());
        AuditModule audit = new AuditModule(db, people, programs, settings.digestZone());
        InvitationsModule invitations = new InvitationsModule(db, events, programs, intake, people, messenger,
                questions, dueItems, audit.log(), settings);
        AdminModule admin = new AdminModule(db, events, messenger, settings, people, programs, enrollments,
                pairs.pairs(), pairs.meetings(), pairs.shortlists(), dueItems, rhythm.figures(), audit.log(),
                invitations.invitations());
        WorkshopsModule workshops = new WorkshopsModule(db, programs, enrollments, people, messenger, dueItems,
                audit.log(), clock, settings.digestZone());
        List<Feature> below = List.of(new BasicsModule(people), intake, program, rounds, pairs, home, meetings, rhythm,
                audit, invitations, admin, workshops);
        // people's data: the core's own stores, then each feature's part
        this.privacy = new PrivacyModule(new CoreData.Stores(people, programs, enrollments, pairs.pairs(),
                pairs.shortlists(), new ConversationStates(db), new EventLedger(db), intake.refusals(),
                rounds.records(), workshops.workshops(), audit.log(), admin.broadcasts(), dueItems),
                below.stream().flatMap(f -> f.personalData().stream()).toList(), messenger, questions, clock,
                settings);
        List<Feature> all = new ArrayList<>(below);
        all.add(privacy);
        this.features = List.copyOf(all);

        Router router = new Router(features.stream().flatMap(f -> f.flows().stream()).toList());
        // the audit log; the workspace's recurring jobs planned whenever coordinators act; who they are (their
        // language is the admin channel's)
        AdminTrail recurring = new AdminTrail() {
            @Override
            public void command(Turn turn, CommandSpec spec) {
                coordinatorActed(turn);
            }

            @Override
            public void input(Turn turn, Input input) {
                coordinatorActed(turn);
            }
        };
        this.dispatcher = new Dispatcher(router, people, new ConversationStates(db), new EventLedger(db),
                messenger, questions, clock, AdminTrail.all(List.of(audit.log(), recurring)));
        this.sweeper = new Sweeper(dueItems, features.stream().flatMap(f -> f.handlers().stream()).toList(), clock,
                Sweeper.newOwnerId(), Sweeper.Settings.DEFAULTS, messenger::backlog);
        this.budgets = new SendBudgets(db, time);
        // at start, for every workspace with a programme: a restart loses nothing
        programs.scopes().forEach(this::planRecurring);
    }

    /** For the profile: what a mentor gave (see {@link PairsModule#mentorFigures}). */
    private MentorFigures.Gave gave(PersonRef mentor) {
        return pairs.mentorFigures().of(mentor);
    }

    private void coordinatorActed(Turn turn) {
        people.sawCoordinator(turn.who(), turn.now());
        planRecurring(turn.who().scope());
    }

    private void planRecurring(Scope scope) {
        features.forEach(f -> f.planRecurring(scope, clock.instant()));
    }

    public TandemCore(MongoDatabase db, Messenger messenger, Clock clock) {
        this(db, messenger, clock, Settings.defaults());
    }

    /** Handles one inbound event (call it after the platform was acknowledged). */
    public void handle(InboundEvent event) {
        meters.inbound(event.actor().person().platform(), kind(event.input()));
        dispatcher.handle(event);
    }

    /** The kind of an input, for the meters: its type's name (command, click, submit, freetext, arrived…). */
    private static String kind(Input input) {
        return input.getClass().getSimpleName().toLowerCase(Locale.ROOT);
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
        if (sweeper.stopped()) {
            return 0;
        }
        long start = System.nanoTime();
        int swept = sweeper.sweep();
        if (!sweeper.stopped()) {
            // the adapters' kept messages too are claimed under leases: a replica that stops takes no more
            messenger.redeliver(REDELIVER_PER_SWEEP);
        }
        meters.swept(Duration.ofNanos(System.nanoTime() - start));
        gauge();
        Instant now = clock.instant();
        if (lastPurge == null || now.isAfter(lastPurge.plus(Duration.ofHours(1)))) {
            lastPurge = now;
            questions.purge();
            // the budgets of conversations nobody wrote to for a while
            budgets.tidy();
        }
        return swept;
    }

    /**
     * Stops sweeping for good, as this replica shuts down: the sweep in progress finishes the item in hand (waiting
     * {@code within} at most), and the leases this replica still holds are given back for another replica to take
     * at once ({@link Sweeper#stop}). Returns whether the sweep in progress finished in time.
     */
    public boolean stop(Duration within) {
        return sweeper.stop(within);
    }

    /** The name this replica's sweeps claim due items under (its host name and a random part). */
    public String owner() {
        return sweeper.owner();
    }

    /**
     * Refreshes the gauges read from the database (the due items behind, pairs by stage), at most every
     * {@link #GAUGE_EVERY} of real time: every replica sweeps every 30 s, and the numbers change slowly.
     */
    public void gauge() {
        long now = System.nanoTime();
        if (gaugedOnce && now - gaugedAt < GAUGE_EVERY.toNanos()) {
            return;
        }
        gaugedAt = now;
        gaugedOnce = true;
        try {
            Instant at = clock.instant();
            Map<String, Long> counts = new TreeMap<>();
            Map<String, Duration> oldest = new TreeMap<>();
            dueItems.backlog(at).forEach((kind, b) -> {
                counts.put(kind, b.count());
                oldest.put(kind, Duration.between(b.oldest(), at).isNegative() ? Duration.ZERO
                        : Duration.between(b.oldest(), at));
            });
            meters.dueBacklog(counts, oldest);
            Map<String, Long> stages = new TreeMap<>();
            pairs.pairs().openByStatus().forEach((st, n) -> stages.put(st.value(), n));
            meters.pairs(stages);
        } catch (RuntimeException e) {
            // a gauge is not worth a failed sweep: the next sweep tries again
            log.warn("the gauges could not be read from the database ({})", e.toString());
        }
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
        privacy.purge().gone(scope);
    }

    /**
     * A workspace shows a sign of life (an install, a token that works, an event handled with one): its planned
     * erasure, if any, is cancelled. Cheap when nothing is planned, but adapters need not call it for every event.
     */
    public void workspaceBack(Scope scope) {
        privacy.purge().back(scope);
    }

    /** Whether the erasure of a workspace that removed Tandem is planned. */
    public boolean workspacePurgePlanned(Scope scope) {
        return privacy.purge().planned(scope);
    }

    /**
     * Runs {@code listener} after each erasure (forget-me, a closed programme's retention, a removed workspace) is
     * complete: the deployment rewrites the embedded database file there, so that erased data is not left in its
     * old pages.
     */
    public void afterEachErasure(Runnable listener) {
        privacy.afterEachErasure(listener);
    }

    /** The pairing steps, for the matching flows and for tests. */
    public Pairing pairing() {
        return pairs.pairing();
    }

    public Programs programs() {
        return programs;
    }

    /** Seeds the sample programme into a workspace unless it is there already (see {@link DemoSeed}). */
    public boolean seedDemo(Scope scope) {
        return DemoSeed.seed(scope, programs, people, intake.enrollments(), clock);
    }

    /** A person's home view (status, next step, buttons), for platforms that have a home surface. */
    public Message home(Actor actor) {
        return home.of(actor);
    }

    /** The name Tandem knows a person by (the platform's display name), for an adapter to show. */
    public String name(PersonRef person) {
        return people.name(person);
    }

    /** The language to speak to a person in (their choice, else their platform's; English for a stranger). */
    public Locale locale(PersonRef person) {
        return people.find(person).map(Person::locale).orElse(Locale.ENGLISH);
    }
}
