package org.tandem.core;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tandem.core.admin.BroadcastDelivery;
import org.tandem.core.admin.BroadcastFlow;
import org.tandem.core.admin.Broadcasts;
import org.tandem.core.admin.ExportFlow;
import org.tandem.core.admin.Figures;
import org.tandem.core.admin.PairFlow;
import org.tandem.core.admin.PendingFlow;
import org.tandem.core.admin.RhythmFigures;
import org.tandem.core.admin.StatusFlow;
import org.tandem.core.admin.WeeklyDigest;
import org.tandem.core.audit.AuditFlow;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.AdminTrail;
import org.tandem.core.conversation.ConversationStates;
import org.tandem.core.conversation.EventLedger;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.Turn;
import org.tandem.core.intake.ConsentRefusals;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.pairs.Shortlists;
import org.tandem.core.people.People;
import org.tandem.core.privacy.CoreData;
import org.tandem.core.privacy.Erasure;
import org.tandem.core.privacy.WorkspacePurge;
import org.tandem.core.privacy.ForgetFlow;
import org.tandem.core.privacy.MyDataFlow;
import org.tandem.core.privacy.PersonalData;
import org.tandem.core.privacy.Retention;
import org.tandem.core.program.Programs;
import org.tandem.core.rounds.RoundRecords;
import org.tandem.core.rounds.Waiting;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.workshops.WorkshopFlow;
import org.tandem.core.workshops.WorkshopHandlers;
import org.tandem.core.workshops.Workshops;

/**
 * The coordinators' side and people's control over their data, assembled: the admin commands, the audit log
 * (the dispatcher's {@link AdminTrail}), the scheduled work they plan, and the recurring jobs of each workspace.
 */
final class Governance {

    private final List<Flow> flows = new ArrayList<>();
    private final List<DueHandler> handlers = new ArrayList<>();
    private final AuditLog audit;
    private final WeeklyDigest weekly;
    private final Retention retention;
    private final WorkspacePurge purge;
    private final Erasure erasure;
    private final Programs programs;
    private final Clock clock;

    Governance(MongoDatabase db, Messenger messenger, Questions questions, Clock clock, Settings settings,
               People people, Programs programs, Enrollments enrollments, Pairs pairs, Shortlists shortlists, DueItems due,
               RhythmFigures rhythm, List<PersonalData> rhythmData) {
        this.programs = programs;
        this.clock = clock;
        this.audit = new AuditLog(db);
        Figures figures = new Figures(enrollments, pairs, rhythm);
        Waiting waiting = new Waiting(db, enrollments, pairs);
        Broadcasts broadcasts = new Broadcasts(db);
        Workshops workshops = new Workshops(db);
        this.weekly = new WeeklyDigest(programs, enrollments, pairs, waiting, figures, messenger, due, settings);
        flows.addAll(List.of(
                new AuditFlow(audit, people, programs, settings.digestZone()),
                new StatusFlow(programs, figures),
                new PendingFlow(programs, pairs, shortlists, waiting, people, rhythm, settings.digestZone()),
                new PairFlow(programs, enrollments, pairs, people, rhythm, audit, settings.digestZone()),
                new BroadcastFlow(programs, enrollments, broadcasts, due, audit),
                new ExportFlow(programs, enrollments, pairs, people, rhythm, audit, settings.digestZone()),
                new WorkshopFlow(programs, enrollments, workshops, people, due, audit, settings.digestZone())));
        handlers.add(new BroadcastDelivery(broadcasts, programs, enrollments, people, messenger));
        handlers.addAll(WorkshopHandlers.of(workshops, programs, enrollments, people, messenger, clock));
        handlers.add(weekly);

        EventLedger ledger = new EventLedger(db);
        List<PersonalData> data = new ArrayList<>(rhythmData);
        data.addAll(CoreData.parts(new CoreData.Stores(people, programs, enrollments, pairs, shortlists,
                new ConversationStates(db), ledger, new ConsentRefusals(db), new RoundRecords(db), workshops, audit,
                broadcasts, due)));
        this.erasure = new Erasure(data, pairs, programs, enrollments, people, messenger, questions, audit,
                settings.adminLocale());
        this.retention = new Retention(programs, erasure, ledger, due, settings.retainClosedProgrammes(), clock);
        flows.addAll(List.of(new MyDataFlow(data, audit), new ForgetFlow(erasure)));
        handlers.add(retention);
        this.purge = new WorkspacePurge(due, people, erasure, messenger, settings.retainClosedProgrammes(),
                clock);
        handlers.add(purge);
    }

    /** Runs after each erasure is complete. */
    void afterEachErasure(Runnable listener) {
        erasure.afterEachErasure(listener);
    }

    /** A workspace's erasure after it removed Tandem (planned, or cancelled when it comes back). */
    WorkspacePurge purge() {
        return purge;
    }

    List<Flow> flows() {
        return flows;
    }

    List<DueHandler> handlers() {
        return handlers;
    }

    /** The audit log, and the workspace's recurring jobs planned whenever coordinators act. */
    AdminTrail trail() {
        AdminTrail recurring = new AdminTrail() {
            @Override
            public void command(Turn turn, CommandSpec spec) {
                planRecurring(turn.who().scope());
            }

            @Override
            public void input(Turn turn, Input input) {
                planRecurring(turn.who().scope());
            }
        };
        return AdminTrail.all(List.of(audit, recurring));
    }

    /** Plans the recurring jobs of every workspace that has a programme (at start: a restart loses nothing). */
    void planRecurring() {
        programs.scopes().forEach(this::planRecurring);
    }

    private void planRecurring(Scope scope) {
        weekly.plan(scope, clock.instant());
        retention.plan(scope, clock.instant());
    }
}
