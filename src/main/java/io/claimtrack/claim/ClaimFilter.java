package io.claimtrack.claim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.problem.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** The filters of the claim list, checked: an unknown status or flag is the client's error. */
public record ClaimFilter(ClaimStatus status, Flag flag, String claimant, String topic, String text) {

    public static ClaimFilter parse(String status, String flag, String claimant, String topic, String text) {
        return new ClaimFilter(parseEnum(ClaimStatus.class, "status", status), parseEnum(Flag.class, "flag", flag),
                blankToNull(claimant), blankToNull(topic), blankToNull(text));
    }

    /** Newest first in event time; ties by id, newest first. */
    public PanacheQuery<ClaimEntity> query() {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and exists (select 1 from ClaimStatusEntity s where s.claimId = c.id and s.status = :status)");
            params.put("status", status);
        }
        if (flag != null) {
            where.append(" and exists (select 1 from ClaimStatusEntity s join s.flags f"
                    + " where s.claimId = c.id and f.flag = :flag)");
            params.put("flag", flag);
        }
        if (claimant != null) {
            where.append(" and c.claimant.nameKey = :claimant");
            params.put("claimant", ActorEntity.keyOf(claimant));
        }
        if (topic != null) {
            where.append(" and lower(c.topic) = :topic");
            params.put("topic", topic.strip().toLowerCase());
        }
        if (text != null) {
            where.append(" and lower(c.text) like :text escape '\\'");
            params.put("text", "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return ClaimEntity.find("from ClaimEntity c where " + where, Sort.descending("c.assertedAt", "c.id"), params);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "unknown " + field + " \"" + value + "\": one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
