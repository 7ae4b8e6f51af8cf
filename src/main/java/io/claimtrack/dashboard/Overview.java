package io.claimtrack.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.status.Stats;
import io.claimtrack.status.StatusChangeEntity;

/** What the overview shows: counts, status counts per day in event time, latest changes, latest contested. */
@ApplicationScoped
public class Overview {

    /** Days shown on the chart: the latest days on which something was asserted. */
    static final int CHART_DAYS = 14;

    private final ThreadEvaluation threads;

    public Overview(ThreadEvaluation threads) {
        this.threads = threads;
    }

    public record Day(LocalDate date, Map<ClaimStatus, Long> byStatus, long total) {
    }

    public record Change(long claimId, String text, Instant at, ClaimStatus from, ClaimStatus to, String rule,
                         String explanation, String cause) {
    }

    /**
     * For each of the latest days with an assertion, how many claims stood in each status at its end.
     * Only the threads with a claim asserted in those days are evaluated as of each day; every other
     * thread was complete before the first of them, so it is counted at its stored status. (That holds
     * while statuses move with claims, as under the default policy, where only a flag, STALE, moves with
     * time alone.) The chart then costs the same with a thousand claims or a million.
     */
    @Transactional
    public List<Day> statusesPerDay() {
        List<Instant> asserted = ClaimEntity.getEntityManager()
                .createQuery("select c.assertedAt from ClaimEntity c order by c.assertedAt desc", Instant.class)
                .setMaxResults(5_000).getResultList();
        List<LocalDate> days = asserted.stream().map(a -> LocalDate.ofInstant(a, ZoneOffset.UTC)).distinct()
                .limit(CHART_DAYS).sorted().toList();
        if (days.isEmpty()) {
            return List.of();
        }
        var em = ClaimEntity.getEntityManager();
        List<Long> active = ClaimEntity.threadsAssertedSince(days.get(0).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<ClaimStatus, Long> settled = new EnumMap<>(ClaimStatus.class);
        em.createQuery("select s.status, count(s) from ClaimStatusEntity s, ClaimEntity c where c.id = s.claimId"
                        + " and c.threadId not in :active group by s.status", Object[].class)
                .setParameter("active", active.isEmpty() ? List.of(-1L) : active).getResultList()
                .forEach(row -> settled.put((ClaimStatus) row[0], (Long) row[1]));
        long settledTotal = settled.values().stream().mapToLong(Long::longValue).sum();
        List<Day> chart = new ArrayList<>();
        for (LocalDate day : days) {
            Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
            Stats counts = Stats.of(threads.asOf(active, end).assessments().values());
            Map<ClaimStatus, Long> byStatus = new EnumMap<>(counts.byStatus());
            settled.forEach((status, n) -> byStatus.merge(status, n, Long::sum));
            chart.add(new Day(day, byStatus, counts.total() + settledTotal));
        }
        return chart;
    }

    @Transactional
    public List<Change> latestChanges(int limit) {
        List<StatusChangeEntity> changes = StatusChangeEntity.find("order by id desc").page(0, limit).list();
        List<Change> shown = new ArrayList<>();
        for (StatusChangeEntity change : changes) {
            ClaimEntity claim = ClaimEntity.findById(change.claimId);
            shown.add(new Change(change.claimId, claim.text, change.at, change.previousStatus, change.status,
                    change.rule, change.explanation, change.cause));
        }
        return shown;
    }

    /** A bar chart drawn on the server: one group of bars per day, one bar per status. */
    public record Chart(int width, List<Bar> bars, List<Label> labels) {
    }

    public record Bar(int x, int y, int height, ClaimStatus status, String title) {
    }

    public record Label(int x, String text) {
    }

    static Chart chart(List<Day> days) {
        long max = Math.max(1, days.stream().flatMap(d -> d.byStatus().values().stream()).mapToLong(Long::longValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int d = 0; d < days.size(); d++) {
            Day day = days.get(d);
            int x = 20 + d * 70;
            int s = 0;
            for (Map.Entry<ClaimStatus, Long> count : day.byStatus().entrySet()) {
                int height = (int) (count.getValue() * 140 / max);
                bars.add(new Bar(x + s * 8, 160 - height, height, count.getKey(),
                        day.date() + ": " + count.getValue() + " " + count.getKey()));
                s++;
            }
            labels.add(new Label(x, day.date().toString()));
        }
        return new Chart(20 + days.size() * 70, bars, labels);
    }
}
