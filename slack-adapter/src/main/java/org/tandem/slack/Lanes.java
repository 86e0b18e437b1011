package org.tandem.slack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lane per Slack conversation: whatever goes to a conversation (a turn's answer, a notice the core sends on its
 * own, a redelivery) waits for what was sent there before it, so that nobody reads a later message before an
 * earlier one even while Slack makes one of them wait (a {@code Retry-After}). Fair locks keep the order of arrival;
 * a lane exists only while something uses it.
 */
final class Lanes {

    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /** Runs {@code work} in the lane of a conversation ({@code tenant} and a {@link Destination#key()}). */
    <T> T in(String tenant, String conversation, Supplier<T> work) {
        String key = tenant + "|" + conversation;
        Lane lane = lanes.compute(key, (k, l) -> {
            Lane in = l == null ? new Lane() : l;
            in.users++;
            return in;
        });
        lane.lock.lock();
        try {
            return work.get();
        } finally {
            lane.lock.unlock();
            lanes.computeIfPresent(key, (k, l) -> --l.users == 0 ? null : l);
        }
    }

    /** How many lanes are in use (for tests: none is left behind). */
    int open() {
        return lanes.size();
    }
}
