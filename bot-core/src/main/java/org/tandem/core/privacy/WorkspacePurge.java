package org.tandem.core.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.people.People;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.DueItems;

/**
 * A workspace that removed Tandem (Slack's {@code app_uninstalled}, a Teams tenant's uninstall) has its people's
 * data erased after the retention period, unless it shows a sign of life before: a due item per workspace, planned
 * when the adapter says the workspace is gone and cancelled when it says it is back (an install, a working token,
 * an event handled). When it is due, the platform is asked once more ({@link Messenger#presence}): a workspace that
 * still has Tandem is never erased, and one that cannot be asked is asked again a day later.
 */
public final class WorkspacePurge implements DueHandler {

    static final String KIND = "workspace.purge";
    static final Duration ASK_AGAIN = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(WorkspacePurge.class);

    private final DueItems due;
    private final People people;
    private final Erasure erasure;
    private final Messenger messenger;
    private final Period retention;
    private final Clock clock;

    public WorkspacePurge(DueItems due, People people, Erasure erasure, Messenger messenger, Period retention,
                          Clock clock) {
        this.due = due;
        this.people = people;
        this.erasure = erasure;
        this.messenger = messenger;
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
        plan(KIND + "|" + scope.key(), scope, at);
    }

    /** The workspace shows a sign of life: nothing is erased (every planned purge and re-check is cancelled). */
    public void back(Scope scope) {
        // items planned before they carried their scope have only their key
        long cancelled = due.cancelAll(KIND, "scope", scope.key()) + (due.cancel(KIND + "|" + scope.key()) ? 1 : 0);
        if (cancelled > 0) {
            log.info("workspace {} is back: its planned erasure is cancelled", scope.key());
        }
    }

    /** Whether an erasure of the workspace is planned. */
    public boolean planned(Scope scope) {
        return due.countOpen(KIND, "scope", scope.key()) > 0;
    }

    @Override
    public void perform(DueItem item) {
        Scope scope = item.scope();
        switch (messenger.presence(scope)) {
            case INSTALLED -> log.info("workspace {} has Tandem again: its planned erasure is cancelled",
                    scope.key());
            case UNKNOWN -> {
                Instant again = clock.instant().plus(ASK_AGAIN);
                log.warn("could not ask whether workspace {} still has Tandem; asking again at {}", scope.key(),
                        again);
                plan(KIND + "|" + scope.key() + "|" + again, scope, again);
            }
            case REMOVED -> {
                List<PersonRef> everyone = people.inScope(scope).stream().filter(p -> !People.isStandIn(p)).toList();
                erasure.forgetAll(everyone, clock.instant());
                erasure.eraseWorkspace(scope);
                log.info("erased the personal data of {} people of workspace {} (removed Tandem {} ago)",
                        everyone.size(), scope.key(), retention);
            }
        }
    }

    private void plan(String key, Scope scope, Instant at) {
        due.schedule(key, KIND, scope.platform(), scope.tenant(), Map.of("scope", scope.key()), at);
    }
}
