package org.tandem.core.matching;

/** Tries every assignment of a tiny instance (each mentee: nobody, or any allowed mentor with a place left). */
final class BruteForce {

    private final Instance instance;
    private final int[] left;
    private Objective best = new Objective(0, 0);

    private BruteForce(Instance instance) {
        this.instance = instance;
        this.left = instance.capacity().clone();
    }

    static Objective best(Instance instance) {
        BruteForce b = new BruteForce(instance);
        b.visit(0, 0, 0);
        return b.best;
    }

    private void visit(int mentee, int matched, long total) {
        if (mentee == instance.mentees().size()) {
            Objective o = new Objective(matched, total);
            if (o.compareTo(best) > 0) {
                best = o;
            }
            return;
        }
        visit(mentee + 1, matched, total);
        int[] row = instance.score()[mentee];
        for (int m = 0; m < row.length; m++) {
            if (row[m] != Instance.NOT_ALLOWED && left[m] > 0) {
                left[m]--;
                visit(mentee + 1, matched + 1, total + row[m]);
                left[m]++;
            }
        }
    }
}
