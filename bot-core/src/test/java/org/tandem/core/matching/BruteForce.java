package org.tandem.core.matching;

/**
 * Tries every assignment of a tiny instance (each mentee: nobody, or any allowed mentor with a place left) and keeps
 * the best by {@link Objective}'s order: most matched, fewest failed needs, best score less load cost.
 */
final class BruteForce {

    private final Instance instance;
    private final int[] left;
    private final int[] load;
    private Objective best = new Objective(0, 0);

    private BruteForce(Instance instance) {
        this.instance = instance;
        this.left = instance.capacity().clone();
        this.load = new int[left.length];
    }

    static Objective best(Instance instance) {
        BruteForce b = new BruteForce(instance);
        b.visit(0, 0, 0, 0, 0);
        return b.best;
    }

    private void visit(int mentee, int matched, int failed, long total, long loadCost) {
        if (mentee == instance.mentees().size()) {
            Objective o = new Objective(matched, failed, total, loadCost);
            if (o.compareTo(best) > 0) {
                best = o;
            }
            return;
        }
        visit(mentee + 1, matched, failed, total, loadCost);
        int[] row = instance.score()[mentee];
        for (int m = 0; m < row.length; m++) {
            if (row[m] != Instance.NOT_ALLOWED && left[m] > 0) {
                left[m]--;
                load[m]++;
                visit(mentee + 1, matched + 1, failed + instance.failed()[mentee][m], total + row[m],
                        loadCost + instance.matcher().policy().placeCost(load[m]));
                load[m]--;
                left[m]++;
            }
        }
    }
}
