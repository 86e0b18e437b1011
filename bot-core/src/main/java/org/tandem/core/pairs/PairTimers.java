package org.tandem.core.pairs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItems;

/**
 * What happens to a pair when nobody acts: an unanswered request lapses after three days, the click check is
 * asked a few days after the introduction if nobody clicked "We have met", a "not sure" is asked again a week
 * later, and an introduction interrupted by a crash is finished. Each is a due item keyed by the pair, so it is
 * planned once and performed once, and each handler does nothing if the pair has moved on.
 */
public final class PairTimers {

    public static final Duration CLICK_AFTER_INTRODUCTION = Duration.ofDays(5);
    public static final Duration CLICK_AGAIN = Duration.ofDays(7);
    static final Duration INTRODUCE_FALLBACK = Duration.ofMinutes(2);

    static final String EXPIRE = "pair.request-timeout";
    static final String CLICK = "pair.click-ask";
    static final String INTRODUCE = "pair.introduce";

    private final DueItems due;

    public PairTimers(DueItems due) {
        this.due = due;
    }

    void requestSent(Pair pair, Instant respondBy) {
        plan(EXPIRE + "|" + pair.id(), EXPIRE, pair, Map.of("pair", pair.id()), respondBy);
    }

    void accepted(Pair pair, Instant now) {
        plan(INTRODUCE + "|" + pair.id(), INTRODUCE, pair, Map.of("pair", pair.id()), now.plus(INTRODUCE_FALLBACK));
    }

    /** Plans round {@code round} of the click question for a moment, unless it is already planned. */
    public void askClickLater(Pair pair, int round, Instant at) {
        plan(CLICK + "|" + pair.id() + "|" + round, CLICK, pair, Map.of("pair", pair.id(), "round", round), at);
    }

    /**
     * The first "did it click?" moves to {@code at} (their first conversation is planned for later): what was planned
     * for it before is taken back. Asked at most once all the same: the question claims its round.
     */
    void postponeClick(Pair pair, Instant at) {
        due.cancelWaiting(CLICK, "pair", pair.id());
        plan(CLICK + "|" + pair.id() + "|0|" + at, CLICK, pair, Map.of("pair", pair.id(), "round", 0), at);
    }

    private void plan(String key, String kind, Pair pair, Map<String, ?> payload, Instant at) {
        due.schedule(key, kind, pair.scope().platform(), pair.scope().tenant(), payload, at);
    }

    /** The handlers that perform these items. */
    public static List<DueHandler> handlers(Pairs pairs, Pairing pairing, ClickCheck clickCheck) {
        return List.of(
                DueHandler.of(EXPIRE, item -> pairing.expire(item.payloadString("pair"))),
                DueHandler.of(INTRODUCE, item -> pairs.find(item.payloadString("pair"))
                        .filter(p -> p.status() == PairStatus.ACCEPTED).ifPresent(pairing::introduce)),
                DueHandler.of(CLICK, item -> {
                    int round = ((Number) item.payload().get("round")).intValue();
                    pairs.find(item.payloadString("pair"))
                            .filter(p -> p.status() == PairStatus.INTRODUCED && p.clickRounds() == round)
                            .ifPresent(p -> clickCheck.ask(p, round));
                }));
    }
}
