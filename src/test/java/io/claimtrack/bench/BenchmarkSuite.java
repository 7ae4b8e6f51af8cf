package io.claimtrack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.RulesDirectory;
import io.claimtrack.rules.RulesetCompiler;
import io.claimtrack.testing.PackagedApp;
import io.claimtrack.testing.PostgresDatabase;

/**
 * claimtrack's benchmark suite (issue 7): B1-B6, each printing its figures and a ratio against a
 * baseline measured in the same run, then every target with met or missed. Not part of the tests.
 * Run from the project root with {@code ./mvnw -Pbench verify} (it packages the app first), or with
 * {@code -Dbench.args="10000 100000"} for a shorter run whose largest size stands in for 1M.
 *
 * <p>Arguments: the archive sizes for B1; the largest is also loaded into the app for B2-B5, and
 * 100,000 (or the largest, if smaller) is the mid size of B5 and B6.
 */
public final class BenchmarkSuite {

    public static void main(String[] args) throws Exception {
        // Outside Quarkus the JBoss log manager starts with every level enabled, and Drools then formats
        // a trace line per rule firing: set INFO as the packaged app does, or that is what gets measured.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000, 1_000_000}
                : Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("[ ,]+"))).filter(a -> !a.isEmpty())
                        .mapToInt(Integer::parseInt).sorted().toArray();
        int large = sizes[sizes.length - 1];
        int mid = Math.min(100_000, large);
        Report report = new Report();
        report.line("claimtrack benchmark suite: %d cores, %d MB max heap for the suite, Java %s, %s; sizes %s",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"), System.getProperty("os.name"), Arrays.toString(sizes));

        CompiledRuleset ruleset = new RulesetCompiler().compile(1, RulesDirectory.read(Path.of("rules")));
        long[] inMemory = PolicyBenchmark.run(report, ruleset, sizes);

        SyntheticArchive largeArchive = SyntheticArchive.generate(large);
        report.line("B2 incremental: one dispute, until its thread is re-evaluated");
        IncrementalBenchmark.engine(report, ruleset, largeArchive, 10_000);

        Path work = Path.of("target/bench");
        deleteRecursively(work);
        Files.createDirectories(work);
        int port = 18080;

        report.line("B6 start, B4 ingest and B5 rule change at %,d claims", mid);
        SyntheticArchive midArchive = mid == large ? largeArchive : SyntheticArchive.generate(mid);
        double midImport;
        long emptyStart;
        long emptyRss;
        try (RunningApp app = RunningApp.start(work.resolve("data-" + mid), port)) {
            emptyStart = app.millisToFirstAnswer;
            emptyRss = app.rssMb();
            report.line("  empty database: first answered request %,d ms after the process started; RSS %,d MB",
                    emptyStart, emptyRss);
            report.target("B6", "first answer <= 4 s, empty database", String.format("%,d ms", emptyStart),
                    emptyStart <= 4000);
            midImport = IngestBenchmark.importInto(report, app, midArchive, work);
            RuleChangeBenchmark.run(report, app, mid, inMemoryMillis(sizes, inMemory, mid), mid == large);
        }
        Report.Latencies h2Rest;
        double h2Saturation;
        try (RunningApp app = RunningApp.start(work.resolve("data-" + mid), port)) {
            report.line("  restart with %,d claims: first answered request %,d ms after the process started (empty: %,d ms,"
                    + " ratio %.1fx); RSS %,d MB", mid, app.millisToFirstAnswer, emptyStart,
                    (double) app.millisToFirstAnswer / emptyStart, app.rssMb());
            report.target("B6", String.format("first answer <= 5 s with %,d claims", mid),
                    String.format("%,d ms", app.millisToFirstAnswer), app.millisToFirstAnswer <= 5000);
            report.line("B2 REST and B3 submission at %,d claims (on H2; PostgreSQL below, at the same size)", mid);
            h2Rest = IncrementalBenchmark.rest(report, app, mid, 2_000, mid == large);
            h2Saturation = SubmissionBenchmark.run(report, app, mid, mid == large);
        }
        c1Only(report, work, port, mid, h2Rest, h2Saturation);

        onPostgres(report, midArchive, work, port, midImport, h2Rest, h2Saturation, inMemoryMillis(sizes, inMemory, mid));

        double largeImport = midImport;
        if (large > mid) {
            report.line("B4 ingest, B2 REST, B3 submission and B5 rule change at %,d claims", large);
            try (RunningApp app = RunningApp.start(work.resolve("data-" + large), port)) {
                largeImport = IngestBenchmark.importInto(report, app, largeArchive, work);
                long loadedRss = app.rssMb();
                report.line("  RSS with %,d claims loaded (after the import): %,d MB", large, loadedRss);
                IncrementalBenchmark.rest(report, app, large, 10_000, true);
                SubmissionBenchmark.run(report, app, large, true);
                RuleChangeBenchmark.run(report, app, large, inMemoryMillis(sizes, inMemory, large), true);
                long rss = app.rssMb();
                report.line("  RSS after all of it: %,d MB", rss);
                report.target("B6", String.format("RSS <= 1 GB with %,d claims loaded", large), String.format("%,d MB",
                        Math.max(loadedRss, rss)), Math.max(loadedRss, rss) <= 1024);
            }
        }
        double raw = IngestBenchmark.rawJdbc(report, largeArchive, work);
        report.line("  import vs raw JDBC at %,d claims: %.0f%%", large, 100 * largeImport / raw);
        report.target("B4", String.format("import >= 30%% of raw JDBC at %,d", large),
                String.format("%.0f%%", 100 * largeImport / raw), largeImport / raw >= 0.3);
        report.summary();
    }

    /**
     * B4, B2 REST, B3 and B5 on PostgreSQL (the build in target/quarkus-app-postgresql, on a database of its own
     * on the machine's server), at the size H2 ran them at above, with ratios to H2's figures; then the claims'
     * saturation throughput with the same clients spread over two instances of that database, against one.
     */
    /**
     * The JIT's first tier only (-XX:TieredStopAtLevel=1) starts faster; whether it pays is a matter of
     * steady-state speed, measured here on the same data as the default just before: start, B2 REST, B3.
     */
    private static void c1Only(Report report, Path work, int port, int mid, Report.Latencies rest, double saturation)
            throws Exception {
        report.line("C1 only (-XX:TieredStopAtLevel=1) against the default JIT at %,d claims, on H2", mid);
        try (RunningApp app = RunningApp.start(PackagedApp.Store.h2(), work.resolve("data-" + mid), port,
                List.of("-XX:TieredStopAtLevel=1"))) {
            report.line("  restart: first answered request %,d ms after the process started", app.millisToFirstAnswer);
            Report.Latencies c1 = IncrementalBenchmark.rest(report, app, mid, 2_000, false);
            double c1Saturation = SubmissionBenchmark.run(report, app, mid, false);
            report.line("  C1 only vs default: REST p50 %.2fx, p99 %.2fx; saturation %.2fx (above 1: C1 only is slower)",
                    c1.p50() / rest.p50(), c1.p99() / rest.p99(), saturation / Math.max(0.001, c1Saturation));
        }
    }

    private static void onPostgres(Report report, SyntheticArchive archive, Path work, int port, double h2Import,
                                   Report.Latencies h2Rest, double h2Saturation, long inMemoryMillis) throws Exception {
        int size = archive.claims.size();
        if (!PostgresDatabase.answers()) {
            report.line("On PostgreSQL: skipped, the server does not answer at 127.0.0.1:5432");
            return;
        }
        report.line("On PostgreSQL, beside H2: B4 ingest, B2 REST, B3 submission, B5 rule change at %,d claims;"
                + " two instances against one", size);
        String database = PostgresDatabase.create();
        PackagedApp.Store store = PackagedApp.Store.postgres(PostgresDatabase.url(database));
        try (RunningApp app = RunningApp.start(store, work.resolve("pg-1"), port)) {
            double imported = IngestBenchmark.importInto(report, app, archive, work);
            report.line("  import on PostgreSQL vs H2: %,.0f vs %,.0f claims/s, ratio %.2fx", imported, h2Import, imported / h2Import);
            Report.Latencies rest = IncrementalBenchmark.rest(report, app, size, 2_000, false);
            report.line("  REST on PostgreSQL vs H2: p50 %.2f vs %.2f ms, p99 %.2f vs %.2f ms, p99 ratio %.2fx",
                    rest.p50(), h2Rest.p50(), rest.p99(), h2Rest.p99(), rest.p99() / h2Rest.p99());
            double one = SubmissionBenchmark.run(report, app, size, false);
            report.line("  claims' saturation on PostgreSQL vs H2: %,.0f vs %,.0f/s, ratio %.2fx", one, h2Saturation, one / h2Saturation);
            RuleChangeBenchmark.run(report, app, size, inMemoryMillis, false);
            try (RunningApp second = RunningApp.start(store, work.resolve("pg-2"), port + 1)) {
                double two = SubmissionBenchmark.spread(List.of(app, second), size);
                report.line("  two instances on one database, the same 8 clients spread over both: claims %,.0f/s vs one"
                        + " instance %,.0f/s, ratio %.2fx", two, one, two / one);
            }
        } finally {
            PostgresDatabase.drop(database);
        }
    }

    private static long inMemoryMillis(int[] sizes, long[] millis, int size) {
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == size) {
                return millis[i];
            }
        }
        return -1;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
