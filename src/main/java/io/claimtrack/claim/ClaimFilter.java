package io.claimtrack.claim;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.facts.ReviewState;
import io.claimtrack.status.Standing;
import io.claimtrack.refusal.InvalidInput;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/**
 * The filters of the claim list, checked: an unknown status, flag or review state is the client's error.
 * The desk's filters (the review's state, its rating and assignee; evidence) read the review's and the
 * evidence's tables by entity name: a join in the query, not a call into those packages.
 */
public record ClaimFilter(ClaimStatus status, Flag flag, String claimant, String topic, String text, Instant asOf,
                          boolean oldest, ReviewState review, String rating, String assignee, Boolean hasEvidence) {

    /** Longer than any name, topic or phrase worth searching for: a filter longer than this is a mistake. */
    static final int MAX_FILTER_CHARS = 500;

    /** Text to find as it is in a like pattern, any case: its own % and _ match themselves. */
    private static String literal(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static ClaimFilter parse(String status, String flag, String claimant, String topic, String text,
                                    Instant asOf) {
        for (String[] filter : new String[][] {{"claimant", claimant}, {"topic", topic}, {"q", text}}) {
            if (filter[1] != null && filter[1].length() > MAX_FILTER_CHARS) {
                throw new InvalidInput(filter[0], "must be at most " + MAX_FILTER_CHARS + " characters");
            }
        }
        return new ClaimFilter(parseEnum(ClaimStatus.class, "status", status), parseEnum(Flag.class, "flag", flag),
                ClaimService.blankToNull(claimant), ClaimService.blankToNull(topic), ClaimService.blankToNull(text), asOf, false,
                null, null, null, null);
    }

    /** The same filter, oldest first. */
    public ClaimFilter oldestFirst() {
        return new ClaimFilter(status, flag, claimant, topic, text, asOf, true, review, rating, assignee, hasEvidence);
    }

    /**
     * The same filter narrowed to claims whose review is in {@code review} (UNASSIGNED: never touched), has the
     * rating {@code rating} (a name on the desk's scale, already checked), and is assigned to {@code assignee};
     * and with evidence in force or without any ({@code hasEvidence} "true" or "false").
     */
    public ClaimFilter withDesk(String review, String rating, String assignee, String hasEvidence) {
        if (assignee != null && assignee.length() > MAX_FILTER_CHARS) {
            throw new InvalidInput("assignee", "must be at most " + MAX_FILTER_CHARS + " characters");
        }
        Boolean evidence = null;
        if (hasEvidence != null && !hasEvidence.isBlank()) {
            if (!hasEvidence.strip().equals("true") && !hasEvidence.strip().equals("false")) {
                throw new InvalidInput("hasEvidence", "must be true or false");
            }
            evidence = Boolean.valueOf(hasEvidence.strip());
        }
        ClaimFilter narrowed = new ClaimFilter(status, flag, claimant, topic, text, asOf, oldest,
                parseEnum(ReviewState.class, "review", review), rating, ClaimService.blankToNull(assignee), evidence);
        if (asOf != null && (narrowed.review != null || rating != null || narrowed.assignee != null || evidence != null)) {
            String field = narrowed.review != null ? "review" : rating != null ? "rating"
                    : narrowed.assignee != null ? "assignee" : "hasEvidence";
            throw new InvalidInput(field, "the desk's filters read its reviews and evidence as they are now: not with asOf");
        }
        return narrowed;
    }

    /**
     * Newest first in event time; ties by id, newest first. As of an instant, only claims asserted by
     * then, and status and flag are left to {@link #matches}: those statuses are not stored.
     */
    public PanacheQuery<ClaimEntity> query() {
        Map<String, Object> params = new HashMap<>();
        String where = where(params);
        return ClaimEntity.find("from ClaimEntity c where " + where, oldest ? Sort.ascending("c.assertedAt", "c.id") : Sort.descending("c.assertedAt", "c.id"), params);
    }

    /**
     * The next {@code size} matching claims after ({@code afterAt}, {@code afterId}) in (assertedAt, id) order,
     * claimants fetched: an export reads the whole list a batch at a time, however long it is. A claim never
     * answers one asserted after it, so what a claim answers comes before it.
     */
    public List<ClaimEntity> after(Instant afterAt, long afterId, int size) {
        if (asOf != null) {
            throw new InvalidInput("asOf", "an export is of the claims as they stand now: leave asOf out");
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(params);
        if (afterAt != null) {
            where += " and (c.assertedAt > :afterAt or (c.assertedAt = :afterAt and c.id > :afterId))";
            params.put("afterAt", afterAt);
            params.put("afterId", afterId);
        }
        // The claimant fetched with it, not its blocs: a collection fetched with a row limit is limited in memory.
        var query = ClaimEntity.getEntityManager().createQuery("from ClaimEntity c join fetch c.claimant where " + where
                + " order by c.assertedAt, c.id", ClaimEntity.class)
                .setMaxResults(size);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private String where(Map<String, Object> params) {
        StringBuilder where = new StringBuilder(ClaimEntity.LIVE);
        if (asOf != null) {
            where.append(" and c.assertedAt <= :asOf");
            params.put("asOf", asOf);
        }
        if (status != null && asOf == null) {
            where.append(" and exists (select 1 from ClaimStatusEntity s where s.claimId = c.id and s.status = :status)");
            params.put("status", status);
        }
        if (flag != null && asOf == null) {
            where.append(" and exists (select 1 from ClaimStatusEntity s join s.flags f"
                    + " where s.claimId = c.id and f.flag = :flag)");
            params.put("flag", flag);
        }
        if (claimant != null) {
            where.append(" and (c.claimant.nameKey = :claimant or exists (select 1 from ActorAliasEntity l"
                    + " where l.actor = c.claimant and l.aliasKey = :claimant))");
            params.put("claimant", ActorEntity.keyOf(claimant));
        }
        if (topic != null) {
            // The topic as given, or any topic it begins: "Russian air" finds "Russian air strikes in Syria".
            where.append(" and lower(c.topic) like :topic escape '\\'");
            params.put("topic", literal(topic.strip()) + "%");
        }
        if (text != null) {
            where.append(" and lower(c.text) like :text escape '\\'");
            params.put("text", "%" + literal(text) + "%");
        }
        if (review == ReviewState.UNASSIGNED) {
            where.append(" and not exists (select 1 from ReviewEntity r where r.claimId = c.id)");
        } else if (review != null) {
            where.append(" and exists (select 1 from ReviewEntity r where r.claimId = c.id and r.state = :review)");
            params.put("review", review);
        }
        if (rating != null) {
            where.append(" and exists (select 1 from ReviewEntity r where r.claimId = c.id and r.rating = :rating)");
            params.put("rating", rating);
        }
        if (assignee != null) {
            where.append(" and exists (select 1 from ReviewEntity r where r.claimId = c.id and lower(r.assignee) = :assignee)");
            params.put("assignee", assignee.strip().toLowerCase());
        }
        if (hasEvidence != null) {
            where.append(hasEvidence ? " and exists" : " and not exists")
                    .append(" (select 1 from EvidenceEntity e where e.claimId = c.id and e.removedAt is null)");
        }
        return where.toString();
    }

    /** Whether a standing evaluated on the fly passes the status and flag filters. */
    public boolean matches(Standing standing) {
        return standing != null && (status == null || standing.status() == status)
                && (flag == null || standing.flags().contains(flag));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "unknown " + field + " \"" + value + "\": one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

}
