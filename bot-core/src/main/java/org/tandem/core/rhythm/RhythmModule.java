package org.tandem.core.rhythm;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Questions;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.meetings.MeetingAgreed;
import org.tandem.core.meetings.MeetingPlans;
import org.tandem.core.module.Events;
import org.tandem.core.module.Feature;
import org.tandem.core.module.PersonalData;
import org.tandem.core.pairs.MeetingHeld;
import org.tandem.core.pairs.Meetings;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairActivated;
import org.tandem.core.pairs.PairClosed;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.settings.Settings;

/**
 * The mentoring rhythm, assembled: its flows, its due-item handlers, and what starts it (a pair becoming active).
 * The one entry type of the feature.
 */
public final class RhythmModule implements Feature {

    private final Rhythm rhythm;
    private final Pairs pairs;
    private final AgreementFlow agreement;
    private final CheckIns checkIns;
    private final ReflectionFlow reflections;
    private final Milestones milestones;
    private final CheckInFlow checkInFlow;
    private final PauseFlow pause;
    private final MeetingPlans plans;

    public RhythmModule(MongoDatabase db, Events events, Pairs pairs, Meetings meetings, MeetingPlans plans,
                        Programs programs, Enrollments enrollments, People people, Messenger messenger,
                        Questions questions, Clock clock, DueItems due, Settings settings) {
        this.pairs = pairs;
        this.rhythm = new Rhythm(programs, enrollments, people, messenger, clock, due,
                new Courtesy(db), meetings, new Reflections(db), new Pauses(db), settings, questions);
        this.checkIns = new CheckIns(rhythm, pairs, plans);
        this.plans = plans;
        this.agreement = new AgreementFlow(rhythm, pairs, checkIns);
        this.reflections = new ReflectionFlow(rhythm, pairs);
        this.milestones = new Milestones(rhythm, pairs, reflections, checkIns);
        this.checkInFlow = new CheckInFlow(rhythm, pairs, checkIns, reflections);
        this.pause = new PauseFlow(rhythm);
        // a pair that closed has no rhythm left: what was planned for it goes, rather than waiting to do nothing
        events.on(PairClosed.class, e -> KINDS.forEach(kind -> due.cancelWaiting(kind, "pair", e.pair().id())));
        events.on(PairActivated.class, e -> activated(e.pair()));
        // a meeting the pair scheduled answers the check-in; once it took place, it is logged like a "we met"
        events.on(MeetingAgreed.class, e -> checkIns.planned(e.pair(), e.plan(), people.name(e.plan().proposedBy())));
        events.on(MeetingHeld.class, e -> checkInFlow.held(e));
    }

    static final String ACTIVATED = "rhythm.activated";
    private static final List<String> KINDS = List.of(ACTIVATED, CheckIns.TICK, CheckIns.ASK, CheckIns.REMIND, CheckIns.AT_RISK,
            AgreementFlow.AGREED, Milestones.MIDPOINT, Milestones.CLOSING, Milestones.CLOSE_WAIT);

    /**
     * A pair said it clicked: the midpoint and the close are planned, and the mentee is invited to draft the
     * agreement. A follow-up of the guarded move to active: left to the sweep if it fails.
     */
    void activated(Pair pair) {
        rhythm.followUp(ACTIVATED + "|" + pair.id(), ACTIVATED, pair, Map.of("pair", pair.id()), () -> begin(pair));
    }

    private void begin(Pair pair) {
        milestones.start(pair);
        agreement.start(pair);
    }

    @Override
    public String name() {
        return "rhythm";
    }

    @Override
    public List<Flow> flows() {
        return List.of(agreement, checkInFlow, reflections, milestones, pause);
    }

    @Override
    public List<DueHandler> handlers() {
        List<DueHandler> all = new ArrayList<>(checkIns.handlers());
        all.add(agreement.finisher());
        all.add(DueHandler.of(ACTIVATED, item -> pairs.find(item.payloadString("pair"))
                .filter(p -> p.status() == PairStatus.ACTIVE).ifPresent(this::begin)));
        all.addAll(milestones.handlers());
        return all;
    }

    /** What coordinators may see of the rhythm: counts and averages, never a text. */
    public org.tandem.core.admin.RhythmFigures figures() {
        return new RhythmNumbers(rhythm, pairs, plans);
    }

    /** The rhythm's part in people's data, for my-data, forget-me and retention. */
    @Override
    public List<PersonalData> personalData() {
        return RhythmData.parts(rhythm);
    }

    /** The programme pause switch ({@code program pause NAME}): while on, check-ins wait. */
    public boolean pause(Program program, boolean on) {
        if (on) {
            boolean was = rhythm.pauses.programPaused(program.id());
            rhythm.pauses.pauseProgram(program.id(), program.scope().tenant());
            return !was;
        }
        return rhythm.pauses.resumeProgram(program.id());
    }
}
