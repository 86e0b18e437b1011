package org.tandem.core;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import org.tandem.core.basics.BasicsFlow;
import org.tandem.core.conversation.ConversationStates;
import org.tandem.core.conversation.Dispatcher;
import org.tandem.core.conversation.EventLedger;
import org.tandem.core.conversation.InboundEvent;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Router;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.JoinFlow;
import org.tandem.core.intake.LeaveFlow;
import org.tandem.core.intake.ProfileFlow;
import org.tandem.core.people.People;

/**
 * The core, assembled over one MongoDB database, one outbound {@link Messenger} and one {@link Clock}. Creating
 * it creates the indexes. Any number of instances (replicas) may share a database.
 */
public final class TandemCore {

    private final Dispatcher dispatcher;

    public TandemCore(MongoDatabase db, Messenger messenger, Clock clock) {
        People people = new People(db);
        Enrollments enrollments = new Enrollments(db);
        Router router = new Router(List.of(
                new BasicsFlow(people),
                new JoinFlow(enrollments),
                new ProfileFlow(enrollments),
                new LeaveFlow(enrollments)));
        this.dispatcher = new Dispatcher(router, people, new ConversationStates(db), new EventLedger(db),
                messenger, clock);
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
}
