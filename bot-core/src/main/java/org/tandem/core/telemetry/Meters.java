package org.tandem.core.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Every meter Tandem records, named in one place so that the code, the Grafana dashboard and the README agree.
 * Tags are platforms, kinds, outcomes, stages and workspace ids: never a person (no user id, name or text), and
 * never an unbounded value. Prometheus shows {@code tandem.sends} as {@code tandem_sends_total}, a timer as
 * {@code _seconds_count / _sum / _max}, a gauge under its own name.
 */
public final class Meters {

    /** Counter, inbound events the core handled, by {@code platform} and {@code kind} (command, click, submit…). */
    public static final String INBOUND = "tandem.inbound.events";
    /** Timer, from a platform's request arriving to its acknowledgement, by {@code platform}. */
    public static final String ACK = "tandem.inbound.ack";
    /** Counter, attempts to send, by {@code platform} and {@code outcome} ({@link Outcome}). */
    public static final String SENDS = "tandem.sends";
    /** Counter, 429 answers (and Retry-After waits) by {@code platform} and {@code workspace} (team or tenant id). */
    public static final String THROTTLED = "tandem.throttled";
    /** Gauge, due items whose time has come and that are not done yet, by {@code kind}. */
    public static final String DUE_BACKLOG = "tandem.due.backlog";
    /** Gauge, seconds since the oldest of those fell due, by {@code kind}. */
    public static final String DUE_OLDEST = "tandem.due.oldest.age";
    /** Timer, one sweep of due items on this replica. */
    public static final String SWEEP = "tandem.sweep.duration";
    /** Timer, one matching run (a shortlist, a round, a proposal). */
    public static final String MATCHING = "tandem.matching.duration";
    /** Distribution summary, the people one matching run weighed (mentees and mentors). */
    public static final String MATCHING_SIZE = "tandem.matching.size";
    /** Gauge, pairs by {@code stage} (proposed, introduced, active…), over the whole database. */
    public static final String PAIRS = "tandem.pairs.active";

    public static final String PLATFORM = "platform";
    public static final String KIND = "kind";
    public static final String OUTCOME = "outcome";
    public static final String WORKSPACE = "workspace";
    public static final String STAGE = "stage";

    /** What became of one attempt to send a message. */
    public enum Outcome {
        /** The platform took it. */
        SENT,
        /** The platform refused for now (a 429, a 5xx, a timeout) and it is tried again, inline or later. */
        RETRIED,
        /** Kept in the store for the sweep to send later (the platform is busy, or earlier messages wait). */
        PARKED,
        /** Refused for good, or given up after every try: recorded, logged at ERROR, never sent. */
        DEAD;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final MultiGauge dueBacklog;
    private final MultiGauge dueOldest;
    private final MultiGauge pairs;

    public Meters(MeterRegistry registry) {
        this.registry = registry;
        this.dueBacklog = MultiGauge.builder(DUE_BACKLOG).description("Due items whose time has come, not done yet")
                .register(registry);
        this.dueOldest = MultiGauge.builder(DUE_OLDEST).baseUnit("seconds")
                .description("How long ago the oldest due item not done yet fell due").register(registry);
        this.pairs = MultiGauge.builder(PAIRS).description("Pairs by stage").register(registry);
        // the meters without tags exist from the start, at zero, so that a dashboard shows "none yet", not "no data"
        sweepTimer();
        matchingTimer();
        matchingSize();
    }

    /** Meters that go nowhere (a registry with no backend): for code and tests that do not read them. */
    public static Meters none() {
        return new Meters(new CompositeMeterRegistry());
    }

    /** The registry underneath, for gauges a component registers itself. */
    public MeterRegistry registry() {
        return registry;
    }

    public void inbound(String platform, String kind) {
        Counter.builder(INBOUND).description("Inbound events the core handled").tag(PLATFORM, platform)
                .tag(KIND, kind).register(registry).increment();
    }

    public void acked(String platform, Duration took) {
        Timer.builder(ACK).description("From a platform's request to its acknowledgement").tag(PLATFORM, platform)
                .publishPercentileHistogram().register(registry).record(took);
    }

    public void send(String platform, Outcome outcome) {
        Counter.builder(SENDS).description("Attempts to send, by what became of them").tag(PLATFORM, platform)
                .tag(OUTCOME, outcome.tag()).register(registry).increment();
    }

    public void throttled(String platform, String workspace) {
        Counter.builder(THROTTLED).description("Throttling answers (429) by workspace").tag(PLATFORM, platform)
                .tag(WORKSPACE, workspace).register(registry).increment();
    }

    public void swept(Duration took) {
        sweepTimer().record(took);
    }

    /**
     * The due items behind, by kind: how many, and how long ago the oldest fell due. A kind with none is dropped
     * from the series (a gap, not a zero). Every replica publishes the same numbers, read from the database.
     */
    public void dueBacklog(Map<String, Long> counts, Map<String, Duration> oldest) {
        dueBacklog.register(counts.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of(KIND, e.getKey()), e.getValue())).toList(), true);
        dueOldest.register(oldest.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of(KIND, e.getKey()), e.getValue().toMillis() / 1000.0)).toList(),
                true);
    }

    /** Pairs by stage (lower-case stage names), over the whole database. */
    public void pairs(Map<String, Long> byStage) {
        pairs.register(byStage.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of(STAGE, e.getKey()), e.getValue())).toList(), true);
    }

    public void matched(Duration took, int people) {
        matchingTimer().record(took);
        matchingSize().record(people);
    }

    private Timer sweepTimer() {
        return Timer.builder(SWEEP).description("One sweep of due items").register(registry);
    }

    private Timer matchingTimer() {
        return Timer.builder(MATCHING).description("One matching run").register(registry);
    }

    private DistributionSummary matchingSize() {
        return DistributionSummary.builder(MATCHING_SIZE).description("People one matching run weighed")
                .baseUnit("people").register(registry);
    }
}
