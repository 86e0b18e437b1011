package org.tandem.core.simulation;

import java.time.Duration;

/**
 * Runs larger simulations than the build's, with other seeds (docs/simulation.md):
 * {@code ./mvnw -B -q -pl bot-core test-compile exec:exec@simulation -Dsimulation.pairs=200 -Dsimulation.seeds=1,2}.
 * Each run prints its report; the first broken invariant stops it with what happened.
 */
public final class SimulationMain {

    private SimulationMain() {
    }

    public static void main(String[] args) {
        int pairs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 40;
        String seeds = args.length > 1 && !args[1].isBlank() ? args[1] : "1";
        Duration step = args.length > 2 && !args[2].isBlank() ? Duration.ofHours(Integer.parseInt(args[2]))
                : Duration.ofHours(3);
        int months = args.length > 3 && !args[3].isBlank() ? Integer.parseInt(args[3]) : 6;
        for (String seed : seeds.split(",")) {
            Simulation.Report report = new Simulation(new Simulation.Settings(Long.parseLong(seed.strip()), pairs,
                    step, months)).run();
            System.out.println(report);
        }
        System.exit(0);
    }
}
