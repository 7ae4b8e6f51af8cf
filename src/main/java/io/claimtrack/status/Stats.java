package io.claimtrack.status;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.rules.Assessment;

/**
 * How many claims there are, by status and by flag; every status and flag is listed, zeros included.
 * Built only by {@link #of(Map, Map)}, whatever the counts come from (see {@link StatusCounts}).
 */
public record Stats(long total, Map<ClaimStatus, Long> byStatus, Map<Flag, Long> byFlag) {

    /** The counts, zeros filled in; each claim has one status, so the total is the sum by status. */
    public static Stats of(Map<ClaimStatus, Long> byStatus, Map<Flag, Long> byFlag) {
        Map<ClaimStatus, Long> statuses = new LinkedHashMap<>();
        for (ClaimStatus status : ClaimStatus.values()) {
            statuses.put(status, byStatus.getOrDefault(status, 0L));
        }
        Map<Flag, Long> flags = new LinkedHashMap<>();
        for (Flag flag : Flag.values()) {
            flags.put(flag, byFlag.getOrDefault(flag, 0L));
        }
        return new Stats(statuses.values().stream().mapToLong(Long::longValue).sum(), statuses, flags);
    }

    /** Counts of statuses evaluated on the fly (as of an event-time instant). */
    public static Stats of(Collection<Assessment> assessments) {
        Map<ClaimStatus, Long> byStatus = new EnumMap<>(ClaimStatus.class);
        Map<Flag, Long> byFlag = new EnumMap<>(Flag.class);
        for (Assessment assessment : assessments) {
            byStatus.merge(assessment.status(), 1L, Long::sum);
            assessment.flags().keySet().forEach(flag -> byFlag.merge(flag, 1L, Long::sum));
        }
        return of(byStatus, byFlag);
    }
}
