package org.tandem.core.simulation;

import java.util.Random;

/** How a simulated person treats what Tandem sends them once they are in a pair. */
enum Behaviour {
    /** Answers each question within a few hours. */
    ANSWERS(40),
    /** Answers days later, on whatever button is there then (often an old one). */
    LATE(15),
    /** Never answers the rhythm (check-ins, reflections, the close). */
    IGNORES(15),
    /** Clicks every button twice, and now and then an old one again. */
    DOUBLE_CLICKS(10),
    /** Answers, and goes on holiday once ({@code pause 2 weeks}). */
    PAUSES(8),
    /** Answers, and one day leaves the programme. */
    LEAVES(6),
    /** Answers, and one day erases their data. */
    ERASES(6);

    private final int weight;

    Behaviour(int weight) {
        this.weight = weight;
    }

    static Behaviour pick(Random random) {
        int total = 0;
        for (Behaviour b : values()) {
            total += b.weight;
        }
        int r = random.nextInt(total);
        for (Behaviour b : values()) {
            r -= b.weight;
            if (r < 0) {
                return b;
            }
        }
        throw new IllegalStateException();
    }
}
