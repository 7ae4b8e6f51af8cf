package io.claimtrack.status;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.rules.Assessment;

/** How many claims there are, by current status and by flag; every status and flag is listed, zeros included. */
public record Stats(long total, Map<ClaimStatus, Long> byStatus, Map<Flag, Long> byFlag) {

    public static Stats current() {
        Map<ClaimStatus, Long> byStatus = zeros(ClaimStatus.values());
        count("select s.status, count(s) from ClaimStatusEntity s group by s.status", byStatus);
        Map<Flag, Long> byFlag = zeros(Flag.values());
        count("select f.flag, count(s) from ClaimStatusEntity s join s.flags f group by f.flag", byFlag);
        return new Stats(ClaimStatusEntity.count(), byStatus, byFlag);
    }

    /** Counts of statuses evaluated on the fly (as of an event-time instant). */
    public static Stats of(Collection<Assessment> assessments) {
        Map<ClaimStatus, Long> byStatus = zeros(ClaimStatus.values());
        Map<Flag, Long> byFlag = zeros(Flag.values());
        for (Assessment assessment : assessments) {
            byStatus.merge(assessment.status(), 1L, Long::sum);
            assessment.flags().keySet().forEach(flag -> byFlag.merge(flag, 1L, Long::sum));
        }
        return new Stats(assessments.size(), byStatus, byFlag);
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(E[] values) {
        Map<E, Long> counts = new LinkedHashMap<>();
        for (E value : values) {
            counts.put(value, 0L);
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Enum<E>> void count(String query, Map<E, Long> into) {
        List<Object[]> rows = ClaimStatusEntity.getEntityManager().createQuery(query, Object[].class).getResultList();
        rows.forEach(row -> into.put((E) row[0], (Long) row[1]));
    }
}
