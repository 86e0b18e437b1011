package org.tandem.core.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.people.People;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.DueItems;

/**
 * A workspace that removed Tandem (Slack's {@code app_uninstalled}, Teams' uninstall) has its people's data erased
 * after the retention period, unless it installs Tandem again before: one due item per workspace, planned when the
 * adapter says the workspace is gone and cancelled when it says it is back.
 */
public final class WorkspacePurge implements DueHandler {

    static final String KIND = "workspace.purge";
    private static final Logger log = LoggerFactory.getLogger(WorkspacePurge.class);

    private final DueItems due;
    private final People people;
    private final Erasure erasure;
    private final Period retention;
    private final Clock clock;

    public WorkspacePurge(DueItems due, People people, Erasure erasure, Period retention, Clock clock) {
        this.due = due;
        this.people = people;
        this.erasure = erasure;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The workspace removed Tandem: its data goes after the retention period. */
    public void gone(Scope scope) {
        Instant at = clock.instant().atZone(ZoneOffset.UTC).plus(retention).toInstant();
        due.schedule(key(scope), KIND, scope.platform(), scope.tenant(), Map.of(), at);
    }

    /** The workspace installed Tandem again: nothing is erased. */
    public void back(Scope scope) {
        due.cancel(key(scope));
    }

    @Override
    public void perform(DueItem item) {
        Scope scope = new Scope(item.platform(), item.tenant());
        int forgotten = 0;
        for (PersonRef person : people.inScope(scope)) {
            if (!People.isStandIn(person)) {
                erasure.forget(person, clock.instant());
                forgotten++;
            }
        }
        log.info("erased the personal data of {} people of workspace {} (removed Tandem {} ago)", forgotten,
                scope.key(), retention);
    }

    private static String key(Scope scope) {
        return KIND + "|" + scope.key();
    }
}
