package org.tandem.core.pairs;

/**
 * A request to a mentor ended without a pair, declined or lapsed: the mentee moves on to another mentor.
 *
 * @param declined whether the mentor said no (else nobody answered in time)
 */
public record RequestEnded(Pair pair, boolean declined) {}
