package org.tandem.deploy.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.TandemCore;
import org.tandem.core.telemetry.Redacted;

/** Sweeps the core's due items. One at a time per replica: a long sweep delays the next, never doubles it. */
@DisallowConcurrentExecution
final class SweepJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(SweepJob.class);

    private final TandemCore core;

    SweepJob(TandemCore core) {
        this.core = core;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            int swept = core.sweep();
            if (swept > 0) {
                log.debug("swept {} due items", swept);
            }
        } catch (RuntimeException e) {
            // e.g. MongoDB unreachable: what was claimed is retried once its lease runs out
            log.error("the sweep of due items failed; the next one tries again", Redacted.of(e));
        }
    }
}
