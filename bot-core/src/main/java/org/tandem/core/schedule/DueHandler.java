package org.tandem.core.schedule;

/**
 * Performs the due items of one kind (a nudge, a digest, a retried send). Registered with the {@link Sweeper}
 * by {@link #kind()}. Throwing means "not done, try again later": the item backs off and is retried, and goes to
 * {@link DueItem.Status#FAILED} after {@link DueItems#maxAttempts()} attempts.
 *
 * <p>An item is performed once per successful attempt, but an attempt that outlives its lease (or a crash after
 * the work and before it was marked done) is performed again: where a platform allows it, make the work
 * idempotent on {@link DueItem#key()}.
 */
public interface DueHandler {

    /** The kind of items this handler performs, as given to {@link DueItems#schedule}. */
    String kind();

    /** Does the work. Returning normally marks the item done; throwing retries it later. */
    void perform(DueItem item);

    /** A handler from a kind and a function, for small ones. */
    static DueHandler of(String kind, java.util.function.Consumer<DueItem> work) {
        return new DueHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void perform(DueItem item) {
                work.accept(item);
            }
        };
    }
}
