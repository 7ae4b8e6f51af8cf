package io.claimtrack.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/** Status counts from what is recorded: now, and at the end of each recent day (system time). */
@ApplicationScoped
public class StatusCounts {

    /** How the claims stood at the end of a day (UTC), as recorded then. */
    public record Day(LocalDate date, Stats counts) {
    }

    private final Clock clock;
    /** A day that is over never changes (history is only ever added to), so it is counted once. */
    private final Map<LocalDate, Stats> closedDays = new ConcurrentHashMap<>();

    public StatusCounts(Clock clock) {
        this.clock = clock;
    }

    /** The stored statuses, now. */
    @Transactional
    public Stats current() {
        Map<ClaimStatus, Long> byStatus = new EnumMap<>(ClaimStatus.class);
        Map<Flag, Long> byFlag = new EnumMap<>(Flag.class);
        ClaimStatusEntity.getEntityManager()
                .createQuery("select s.status, count(s) from ClaimStatusEntity s group by s.status", Object[].class)
                .getResultList().forEach(row -> byStatus.put((ClaimStatus) row[0], (Long) row[1]));
        ClaimStatusEntity.getEntityManager()
                .createQuery("select f.flag, count(s) from ClaimStatusEntity s join s.flags f group by f.flag", Object[].class)
                .getResultList().forEach(row -> byFlag.put((Flag) row[0], (Long) row[1]));
        return Stats.of(byStatus, byFlag);
    }

    /**
     * How the claims stood at the end of each of the last {@code days} days (today: now), from the
     * recorded history: what the desk saw, whatever the rules are. Days before anything was recorded are
     * left out.
     */
    @Transactional
    public List<Day> perDay(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant first = ClaimStatusEntity.getEntityManager()
                .createQuery("select min(c.at) from StatusChangeEntity c", Instant.class).getSingleResult();
        if (first == null) {
            return List.of();
        }
        LocalDate start = LocalDate.ofInstant(first, ZoneOffset.UTC);
        List<Day> shown = new ArrayList<>();
        for (LocalDate date = today.minusDays(days - 1L); !date.isAfter(today); date = date.plusDays(1)) {
            if (date.isBefore(start)) {
                continue;
            }
            shown.add(new Day(date, date.equals(today) ? current() : closedDays.computeIfAbsent(date, this::atEndOf)));
        }
        return shown;
    }

    /** Each claim's latest recorded status at the end of {@code date}. */
    private Stats atEndOf(LocalDate date) {
        Instant end = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<ClaimStatus, Long> byStatus = new EnumMap<>(ClaimStatus.class);
        Map<Flag, Long> byFlag = new EnumMap<>(Flag.class);
        // Grouped in the database: a row per (status, flags) that occurs, not one per claim.
        ClaimStatusEntity.getEntityManager().createQuery("select c.status, c.flags, count(c) from StatusChangeEntity c"
                        + " where c.at < :end and c.id = (select max(n.id) from StatusChangeEntity n"
                        + " where n.claimId = c.claimId and n.at < :end) and not exists (select 1 from ClaimEntity m"
                        + " where m.id = c.claimId and m.mergedAt < :end) group by c.status, c.flags", Object[].class)
                .setParameter("end", end).getResultList().forEach(row -> {
                    long count = (Long) row[2];
                    byStatus.merge((ClaimStatus) row[0], count, Long::sum);
                    StatusChangeEntity.parse((String) row[1]).forEach(flag -> byFlag.merge(flag, count, Long::sum));
                });
        return Stats.of(byStatus, byFlag);
    }
}
