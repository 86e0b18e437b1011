package org.tandem.core.pairs;

import java.time.Instant;

/**
 * An introduced pair agreed a time for its first conversation: "did it click?" waits until {@code askAfter}, instead
 * of coming a few days after the introduction, maybe before they met.
 */
public record FirstMeetingPlanned(Pair pair, Instant askAfter) {}
