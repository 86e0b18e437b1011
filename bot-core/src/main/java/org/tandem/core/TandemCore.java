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
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.schedule.Sweeper;

/**
 * The core, assembled over one MongoDB database, one outbound {@link Messenger} and one {@link Clock}. Creating
 * it creates the indexes. Any number of instances (replicas) may share a database.
 */
public final class TandemCore {

    private final Dispatcher dispatcher;
    private final DueItems dueItems;
    private final Sweeper sweeper;

    public TandemCore(MongoDatabase db, Messenger messenger, Clock clock) {
        People people = new People(db);
        Enrollments enrollments = new Enrollments(db);
        // flows schedule work here; the handlers below perform it when it is due
        this.dueItems = new DueItems(db);
        Router router = new Router(List.of(
                new BasicsFlow(people),
                new JoinFlow(enrollments),
                new ProfileFlow(enrollments),
                new LeaveFlow(enrollments)));
        this.dispatcher = new Dispatcher(router, people, new ConversationStates(db), new EventLedger(db),
                messenger, clock);
        List<DueHandler> handlers = List.of(
                // one handler per kind of due item, e.g. new NudgeHandler(...)
        );
        this.sweeper = new Sweeper(dueItems, handlers, clock, Sweeper.newOwnerId());
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

    /** Performs the due items whose time has come; returns how many it took. The scheduler calls it. */
    public int sweep() {
        return sweeper.sweep();
    }

    /** The scheduled work, e.g. to look at or count FAILED items. */
    public DueItems dueItems() {
        return dueItems;
    }
}
