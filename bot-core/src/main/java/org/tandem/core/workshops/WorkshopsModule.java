package org.tandem.core.workshops;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.module.Feature;
import org.tandem.core.people.People;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItems;

/** Workshops, assembled: the coordinators' command, the announcement and the reminder. The one entry type. */
public final class WorkshopsModule implements Feature {

    private final Workshops workshops;
    private final List<Flow> flows;
    private final List<DueHandler> handlers;

    public WorkshopsModule(MongoDatabase db, Programs programs, Enrollments enrollments, People people,
                           Messenger messenger, DueItems due, AuditLog audit, Clock clock, ZoneId zone) {
        this.workshops = new Workshops(db);
        this.flows = List.of(new WorkshopFlow(programs, enrollments, workshops, people, due, audit, zone, messenger));
        this.handlers = WorkshopHandlers.of(workshops, programs, enrollments, people, messenger, clock);
    }

    @Override
    public String name() {
        return "workshops";
    }

    /** The workshops and who answered what (people's answers are part of their data). */
    public Workshops workshops() {
        return workshops;
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
