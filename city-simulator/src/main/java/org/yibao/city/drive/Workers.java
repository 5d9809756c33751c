package org.yibao.city.drive;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The city's concurrent callers: {@code n} workers, each given its number, run to the end; the first
 * failure is rethrown. Worker {@code w} of {@code n} takes persons w, w + n, w + 2n, ..., so one
 * person's calls are always made in order by one worker.
 */
public final class Workers {

    private Workers() {
    }

    /** @param progress run every ten seconds while the workers run (null: none) */
    public static void run(int n, IntConsumer worker, Runnable progress) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            int number = w;
            running.add(pool.submit(() -> worker.accept(number)));
        }
        pool.shutdown();
        while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            if (progress != null) {
                progress.run();
            }
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a worker failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
