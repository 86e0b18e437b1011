package org.tandem.deploy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/** The JVM's heap, which the application and the benchmark that started it share. */
final class HeapUse {

    private HeapUse() {
    }

    static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /**
     * Used now, the peak since the last reset (each heap pool's peak, added up: an upper bound, the pools peak
     * at different moments), and what stays after a full collection.
     */
    static String describe() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format(Locale.ROOT, "%d MiB used, peak %d MiB during the run, %d MiB after a full GC;"
                + " max %d MiB", mib(used), mib(peak), mib(live), mib(Runtime.getRuntime().maxMemory()));
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
