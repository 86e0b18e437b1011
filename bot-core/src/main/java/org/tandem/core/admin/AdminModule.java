package org.tandem.core.admin;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Scope;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.module.Events;
import org.tandem.core.invitations.Invitations;
import org.tandem.core.module.Feature;
import org.tandem.core.pairs.Meetings;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.pairs.Shortlists;
import org.tandem.core.people.People;
import org.tandem.core.program.ProgramClosed;
import org.tandem.core.program.Programs;
import org.tandem.core.rounds.Waiting;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.settings.Settings;

/**
 * The admin channel, assembled: {@code status}, {@code pending}, a programme's pairs, one pair and ending it,
 * broadcasts, exports, reports (and the one posted when a programme closes), and the weekly digest it plans for
 * each workspace. The one entry type of the feature.
 */
public final class AdminModule implements Feature {

    private final Broadcasts broadcasts;
    private final WeeklyDigest weekly;
    private final List<Flow> flows;
    private final List<DueHandler> handlers;

    public AdminModule(MongoDatabase db, Events events, Messenger messenger, Settings settings, People people,
                       Programs programs, Enrollments enrollments, Pairs pairs, Meetings meetings,
                       Shortlists shortlists, DueItems due, RhythmFigures rhythm, AuditLog audit,
                       Invitations invitations) {
        Figures figures = new Figures(enrollments, pairs, rhythm);
        Reports reports = new Reports(programs, new Results(enrollments, pairs, meetings, rhythm,
                program -> invited(invitations, program), programs::closedAt), people, messenger, due,
                new Reports.Setup(settings.adminLocale(), settings.digestZone(), settings.minGroup()));
        events.on(ProgramClosed.class, reports::closed);
        Waiting waiting = new Waiting(db, enrollments, pairs);
        this.broadcasts = new Broadcasts(db);
        this.weekly = new WeeklyDigest(programs, enrollments, pairs, waiting, figures, messenger, due, settings,
                people, shortlists, new DigestTrend(db, pairs, rhythm, new Results.Gate(settings.minGroup()),
                settings.digestZone()));
        this.flows = List.of(
                new StatusFlow(programs, figures, invitations),
                new PendingFlow(programs, pairs, shortlists, waiting, people, rhythm, settings.digestZone()),
                new PairFlow(programs, enrollments, pairs, people, rhythm, audit, settings.digestZone()),
                new ProgrammePairsFlow(programs, pairs, people, settings.digestZone()),
                new BroadcastFlow(programs, enrollments, broadcasts, due, audit, messenger),
                new ExportFlow(programs, enrollments, pairs, people, rhythm, audit, settings.digestZone()),
                new ReportFlow(programs, reports));
        this.handlers = List.of(new BroadcastDelivery(broadcasts, programs, enrollments, people, messenger), weekly,
                reports);
    }

    /** How many people a programme invited, for its report's funnel: none when it invited nobody. */
    private static OptionalLong invited(Invitations invitations, String program) {
        long n = invitations.counts(program).invited();
        return n == 0 ? OptionalLong.empty() : OptionalLong.of(n);
    }

    @Override
    public String name() {
        return "admin";
    }

    /** The broadcasts coordinators sent (who sent them is part of their data). */
    public Broadcasts broadcasts() {
        return broadcasts;
    }

    @Override
    public List<Flow> flows() {
        return flows;
    }

    @Override
    public List<DueHandler> handlers() {
        return handlers;
    }

    @Override
    public void planRecurring(Scope scope, Instant now) {
        weekly.plan(scope, now);
    }
}
