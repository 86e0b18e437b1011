package org.tandem.core.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tandem.core.conversation.EventLedger;
import org.tandem.core.conversation.Scope;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.DueItems;

/**
 * The retention of closed programmes: once a day per workspace that has a closed programme still holding personal
 * data, the data of those closed longer ago than the configured period is erased (see {@link Erasure#eraseProgram}),
 * and handled-event ids older than a day are dropped. One due item per workspace and day; each plans the next while
 * there is work left; coordinators' actions and a restart plan it again (a workspace without a closed programme
 * has no daily job at all).
 */
public final class Retention implements DueHandler {

    static final String KIND = "privacy.retention";
    static final Duration EVENTS_KEPT = Duration.ofDays(1);

    private final Programs programs;
    private final Erasure erasure;
    private final EventLedger ledger;
    private final DueItems due;
    private final java.time.Period period;
    private final java.time.Clock clock;
    private final Set<String> planned = ConcurrentHashMap.newKeySet();

    public Retention(Programs programs, Erasure erasure, EventLedger ledger, DueItems due, java.time.Period period,
                     java.time.Clock clock) {
        this.clock = clock;
        this.programs = programs;
        this.erasure = erasure;
        this.ledger = ledger;
        this.due = due;
        this.period = period;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Plans the next run for a workspace, the coming midnight (UTC), if it has a closed programme to look after. */
    public void plan(Scope scope, Instant now) {
        if (!programs.anyClosedToErase(scope)) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        String key = KIND + "|" + scope.key() + "|" + day;
        if (planned.add(key)) {
            due.schedule(key, KIND, scope.platform(), scope.tenant(), Map.of("day", day.toString()),
                    day.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    @Override
    public void perform(DueItem item) {
        Scope scope = item.scope();
        // the clock, not the planned day: after a long outage one run catches up, then the next is tomorrow
        Instant now = clock.instant();
        Instant cutoff = now.atZone(ZoneOffset.UTC).minus(period).toInstant();
        for (Program p : programs.closedBefore(scope, cutoff, now)) {
            erasure.eraseProgram(p, now);
        }
        ledger.purgeBefore(now.minus(EVENTS_KEPT));
        plan(scope, now);
    }
}
