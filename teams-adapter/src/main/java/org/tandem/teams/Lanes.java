package org.tandem.teams;

import com.microsoft.bot.schema.Activity;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.telemetry.Redacted;

/**
 * One lane per conversation, so that a person never reads a later message before an earlier one. A turn holds its
 * conversation's lane while it runs: its replies go out at once, in the turn, and whatever is sent there on Tandem's
 * own meanwhile (a notice the turn caused, another person's turn telling them something) waits in the lane and goes
 * out, in order, when the turn ends. Nobody ever waits for a lane (a send that finds it held is queued, not
 * blocked), so two turns sending to each other's conversations cannot deadlock. Lanes are per replica: two
 * replicas sending to one conversation at the same instant are not ordered.
 */
final class Lanes {

    private static final Logger log = LoggerFactory.getLogger(Lanes.class);

    /** A message on its way through a lane; its activity may be replaced until Teams has it (an early update). */
    static final class Pending {
        private final String cardId;
        private final Function<Activity, Optional<String>> send;
        private final BiConsumer<String, Activity> update;
        private Activity activity;
        private Activity replaced;
        private boolean sending;
        private boolean done;

        /**
         * {@code send} delivers (or parks) and says the activity id Teams gave; {@code update} replaces the
         * delivered activity, for an update that came while it was being sent.
         */
        Pending(String cardId, Activity activity, Function<Activity, Optional<String>> send,
                BiConsumer<String, Activity> update) {
            this.cardId = cardId;
            this.activity = activity;
            this.send = send;
            this.update = update;
        }

        /** Replaces what it will show; false once it went out (the caller updates the delivered activity). */
        synchronized boolean replace(Activity with) {
            if (done) {
                return false;
            }
            if (sending) {
                replaced = with;
            } else {
                activity = with;
            }
            return true;
        }

        private void run() {
            Activity now;
            synchronized (this) {
                sending = true;
                now = activity;
            }
            Optional<String> id = Optional.empty();
            try {
                id = send.apply(now);
            } finally {
                Activity later;
                synchronized (this) {
                    done = true;
                    later = replaced;
                }
                if (later != null && id.isPresent()) {
                    update.accept(id.get(), later);
                }
            }
        }
    }

    /** Who holds a lane, and what waits in it. */
    private static final class Lane {
        int holders;
        final Deque<Pending> waiting = new ArrayDeque<>();
    }

    /** A turn's hold on its conversation's lane; closing it sends what waited. */
    interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();

    /** Holds a conversation's lane for a turn. */
    Hold hold(String conversation) {
        lanes.compute(conversation, (k, lane) -> {
            Lane l = lane == null ? new Lane() : lane;
            l.holders++;
            return l;
        });
        return () -> release(conversation);
    }

    /** Sends now when nobody holds the conversation's lane (holding it meanwhile), else queues behind them. */
    void send(String conversation, Pending p) {
        inFlight.put(p.cardId, p);
        boolean[] now = {false};
        lanes.compute(conversation, (k, lane) -> {
            Lane l = lane == null ? new Lane() : lane;
            if (l.holders == 0) {
                l.holders = 1;
                now[0] = true;
            } else {
                l.waiting.add(p);
            }
            return l;
        });
        if (now[0]) {
            run(p);
            release(conversation);
        }
    }

    /** Replaces the activity of a message not yet delivered; false when there is none in a lane. */
    boolean replace(String cardId, Activity with) {
        Pending p = inFlight.get(cardId);
        return p != null && p.replace(with);
    }

    /** How many messages wait in lanes (for tests and the log). */
    int waiting() {
        return lanes.values().stream().mapToInt(l -> l.waiting.size()).sum();
    }

    private void release(String conversation) {
        boolean[] drain = {false};
        lanes.compute(conversation, (k, l) -> {
            l.holders--;
            if (l.holders > 0) {
                return l;
            }
            if (l.waiting.isEmpty()) {
                return null;
            }
            // the last holder sends what waited, holding the lane until nothing is left
            l.holders = 1;
            drain[0] = true;
            return l;
        });
        while (drain[0]) {
            Pending[] next = {null};
            lanes.compute(conversation, (k, l) -> {
                if (l.holders > 1) {
                    // a turn began meanwhile: what is left waits for it
                    l.holders--;
                    return l;
                }
                next[0] = l.waiting.poll();
                if (next[0] != null) {
                    return l;
                }
                return null;
            });
            if (next[0] == null) {
                return;
            }
            run(next[0]);
        }
    }

    private void run(Pending p) {
        try {
            p.run();
        } catch (RuntimeException e) {
            log.error("a Teams message waiting in its lane could not be sent", Redacted.of(e));
        } finally {
            inFlight.remove(p.cardId, p);
        }
    }
}
