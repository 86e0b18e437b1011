package org.tandem.core.pairs;

/** A mentor said yes to a request: the pair is on its way to the introduction, and the mentor has one place less. */
public record RequestAccepted(Pair pair) {}
