package org.tandem.deploy.schedule;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.simpl.RAMJobStore;
import org.quartz.simpl.SimpleThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.tandem.core.TandemCore;

/**
 * A Quartz scheduler with an in-memory job store, configured here in code (no {@code quartz.properties} is
 * read), that fires the sweep of due items. It starts once the application is ready and stops with it, letting
 * a running sweep finish: the core stopped claiming just before ({@code Draining}), so it ends with its item in hand.
 */
final class QuartzSweeps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QuartzSweeps.class);

    private final Scheduler scheduler;
    private final Duration interval;
    private volatile boolean running;

    QuartzSweeps(TandemCore core, Duration interval) {
        this.interval = interval;
        Properties p = new Properties();
        // Quartz keeps schedulers in a JVM-wide registry by name: two contexts in one JVM (tests) need two names
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "tandem-" + UUID.randomUUID());
        p.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
        p.setProperty(StdSchedulerFactory.PROP_SCHED_JMX_EXPORT, "false");
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
        p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, SimpleThreadPool.class.getName());
        // the sweep, and room for one more recurring job (e.g. a daily digest)
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "tandem-scheduler");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        try {
            this.scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.setJobFactory((bundle, s) -> new SweepJob(core));
            JobDetail job = JobBuilder.newJob(SweepJob.class).withIdentity("sweep", "tandem").build();
            Trigger every = TriggerBuilder.newTrigger().withIdentity("sweep", "tandem").startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                            // after a long sweep or a pause, sweep once, not once per missed interval
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(job, every);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the Quartz scheduler", e);
        }
    }

    @Override
    public void start() {
        try {
            scheduler.start();
            running = true;
            log.info("sweeping due items every {}", interval);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the Quartz scheduler", e);
        }
    }

    @Override
    public void stop() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("the Quartz scheduler did not stop cleanly", e);
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the core stopped sweeping (the highest phase), so that the sweep it waits for ends soon. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 512;
    }
}
