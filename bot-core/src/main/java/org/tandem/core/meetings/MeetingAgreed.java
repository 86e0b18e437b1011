package org.tandem.core.meetings;

import org.tandem.core.pairs.Pair;

/** A pair agreed a time to meet (or moved it): what asks them whether they met waits until after it. */
public record MeetingAgreed(Pair pair, MeetingPlan plan) {}
