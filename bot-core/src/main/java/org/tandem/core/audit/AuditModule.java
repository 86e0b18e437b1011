package org.tandem.core.audit;

import com.mongodb.client.MongoDatabase;
import java.time.ZoneId;
import java.util.List;
import org.tandem.core.conversation.Flow;
import org.tandem.core.module.Feature;
import org.tandem.core.people.People;
import org.tandem.core.program.Programs;

/**
 * The audit log, assembled: the dispatcher records each admin command and refusal in it (it is the
 * {@link org.tandem.core.conversation.AdminTrail}), the other admin features record exports and erasures, and
 * coordinators read it with {@code audit}. The one entry type of the feature.
 */
public final class AuditModule implements Feature {

    private final AuditLog log;
    private final List<Flow> flows;

    public AuditModule(MongoDatabase db, People people, Programs programs, ZoneId zone) {
        this.log = new AuditLog(db);
        this.flows = List.of(new AuditFlow(log, people, programs, zone));
    }

    @Override
    public String name() {
        return "audit";
    }

    public AuditLog log() {
        return log;
    }

    @Override
    public List<Flow> flows() {
        return flows;
    }
}
