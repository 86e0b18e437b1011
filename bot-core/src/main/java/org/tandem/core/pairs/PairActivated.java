package org.tandem.core.pairs;

/** Both said it clicked: the pair is active, and its mentoring rhythm (agreement, milestones) starts. */
public record PairActivated(Pair pair) {}
