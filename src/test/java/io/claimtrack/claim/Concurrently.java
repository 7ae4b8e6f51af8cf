package io.claimtrack.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs requests on threads of their own, released together, and answers what each answered, in order. */
final class Concurrently {

    private Concurrently() {
    }

    @SafeVarargs
    static <T> List<T> run(Callable<T>... requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.length);
        CyclicBarrier start = new CyclicBarrier(requests.length);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (Callable<T> request : requests) {
                answers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return request.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
