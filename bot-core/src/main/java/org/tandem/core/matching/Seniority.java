package org.tandem.core.matching;

/** Career stages are levels 1 to 5; the matcher compares them, so they must be in range. */
final class Seniority {

    static final int MIN = 1;
    static final int MAX = 5;

    private Seniority() {
    }

    static void check(String id, int level) {
        if (level < MIN || level > MAX) {
            throw new IllegalArgumentException(id + ": seniority " + level + " is not in " + MIN + ".." + MAX);
        }
    }
}
