package org.tandem.core.pairs;

/**
 * A pair moved to a closed status (completed, ended, declined, no click…), however it closed: what was planned for
 * it and what it still asked is dropped there.
 */
public record PairClosed(Pair pair) {}
