package org.tandem.core.matching;

/** A mentee and the mentor the plan gives them, with why. */
public record Assignment(String mentee, String mentor, Score score) {
}
