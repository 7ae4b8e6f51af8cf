package io.claimtrack.claim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.rating.RatingScale;
import io.claimtrack.rules.Evaluation;
import io.claimtrack.status.Standing;
import io.claimtrack.status.Stats;
import io.claimtrack.status.StatusChangeEntity;
import io.claimtrack.status.HistoryEntry;
import io.claimtrack.status.StatusCounts;
import io.claimtrack.status.StatusHistory;
import io.claimtrack.refusal.NotFound;
import io.claimtrack.refusal.InvalidInput;

/**
 * Reads claims now, as of an event-time instant (evaluated on the fly under the active ruleset), or as
 * known at a system-time instant (from the recorded history).
 */
@ApplicationScoped
public class ClaimQueries {

    private final ThreadEvaluation threads;
    private final ClaimViews views;
    private final StatusCounts counts;
    private final StatusHistory history;
    private final DeskReviews reviews;
    private final ClaimEvidence evidence;
    private final RatingScale scale;

    public ClaimQueries(ThreadEvaluation threads, ClaimViews views, StatusCounts counts, StatusHistory history,
                        DeskReviews reviews, ClaimEvidence evidence, RatingScale scale) {
        this.evidence = evidence;
        this.threads = threads;
        this.views = views;
        this.counts = counts;
        this.history = history;
        this.reviews = reviews;
        this.scale = scale;
    }

    @Transactional
    public ClaimView get(long id, Instant asOf, Instant knownAt) {
        if (asOf != null && knownAt != null) {
            throw new InvalidInput("knownAt", "give asOf (event time) or knownAt (system time), not both");
        }
        ClaimEntity claim = ClaimEntity.existing(id);
        if (asOf != null) {
            if (claim.assertedAt.isAfter(asOf)) {
                throw new NotFound("claim #" + id + " was not yet asserted at " + asOf
                        + " (asserted " + claim.assertedAt + ")");
            }
            return views.asOf(List.of(claim), standingsAsOf(List.of(claim.threadId), asOf), asOf).get(0);
        }
        if (knownAt != null) {
            Standing standing = claim.recordedAt.isAfter(knownAt) ? null : history.knownAt(id, knownAt);
            if (standing == null) {
                throw new NotFound("claim #" + id + " was not yet recorded at " + knownAt
                        + " (recorded " + claim.recordedAt + ")");
            }
            return views.knownAt(claim, standing, knownAt);
        }
        return views.of(claim);
    }

    @Transactional
    public Page<ClaimView> list(ClaimFilter filter, int page, int size) {
        if (filter.asOf() == null) {
            var query = filter.query().page(page, size);
            return new Page<>(views.current(query.list()), query.count(), page, size);
        }
        // Statuses as of an instant exist only once evaluated: evaluate, then filter and page in memory.
        List<ClaimEntity> asserted = filter.query().list();
        Map<Long, Standing> standings = standingsAsOf(asserted.stream().map(c -> c.threadId).distinct().toList(),
                filter.asOf());
        List<ClaimEntity> matching = asserted.stream().filter(c -> filter.matches(standings.get(c.id))).toList();
        int from = (int) Math.min((long) page * size, matching.size());
        List<ClaimEntity> slice = matching.subList(from, Math.min(from + size, matching.size()));
        return new Page<>(views.asOf(slice, standings, filter.asOf()), matching.size(), page, size);
    }

    /** Every claim of a thread, now or as of an event-time instant, for showing it as a tree. */
    @Transactional
    public List<ClaimView> thread(long threadId, Instant asOf) {
        if (asOf == null) {
            return views.current(ClaimEntity.inThread(threadId));
        }
        List<ClaimEntity> asserted = ClaimEntity.inThreads(List.of(threadId), asOf);
        return views.asOf(asserted, standingsAsOf(List.of(threadId), asOf), asOf);
    }

    /** Whether nothing was ever stored: no actor, no claim (a first start). */
    @Transactional
    public boolean storeIsEmpty() {
        return ActorEntity.count() == 0 && ClaimEntity.count() == 0;
    }

    /** These claims now, by id (missing ones left out): one set of queries, however many. */
    @Transactional
    public Map<Long, ClaimView> current(List<Long> ids) {
        Map<Long, ClaimView> found = new HashMap<>();
        if (!ids.isEmpty()) {
            views.current(ClaimEntity.byIds(ids)).forEach(view -> found.put(view.id(), view));
        }
        return found;
    }

    /**
     * Every recorded change of the claim's standing, every step of the desk's review of it and every change
     * of its evidence, oldest first (system time); at one instant, the desk's step before the standing it moved.
     */
    @Transactional
    public List<HistoryEntry> history(long id) {
        ClaimEntity claim = ClaimEntity.existing(id);
        List<HistoryEntry> entries = new ArrayList<>(reviews.history(claim.id));
        entries.addAll(evidence.history(claim.id));
        for (ClaimVersionEntity replaced : ClaimVersionEntity.of(claim.id)) {
            List<String> fields = List.of(replaced.fields.split(","));
            entries.add(HistoryEntry.of(replaced.correctedAt, new HistoryEntry.Correction(replaced.correctedBy, fields,
                    replaced.reason), replaced.correctedBy + " corrected claim #" + claim.id + " (" + String.join(", ", fields)
                    + "): " + replaced.reason));
        }
        for (ClaimEntity duplicate : ClaimEntity.mergedInto(claim.id)) {
            entries.add(merge(duplicate));
        }
        if (claim.mergedInto != null) {
            entries.add(merge(claim));
        }
        entries.addAll(history.of(claim.id));
        entries.sort(Comparator.comparing(HistoryEntry::at)); // stable: review steps first at one instant
        return entries;
    }

    private static HistoryEntry merge(ClaimEntity duplicate) {
        return HistoryEntry.of(duplicate.mergedAt, new HistoryEntry.Merge(duplicate.mergedBy, duplicate.id,
                duplicate.mergedInto, duplicate.mergeReason), duplicate.mergedBy + " merged claim #" + duplicate.id
                + " into claim #" + duplicate.mergedInto + ": " + duplicate.mergeReason);
    }

    /**
     * The claim a merged duplicate is read as, when the read is of a time after the merge (now, any event-time
     * instant, or a system-time one from the merge on); empty when the claim itself is to be shown.
     */
    @Transactional
    public Optional<Long> readAs(long id, Instant knownAt) {
        ClaimEntity claim = ClaimEntity.existing(id);
        if (claim.mergedInto == null || (knownAt != null && knownAt.isBefore(claim.mergedAt))) {
            return Optional.empty();
        }
        return Optional.of(claim.mergedInto);
    }

    /** A topic and how many live claims it has. */
    public record TopicCount(String topic, long claims) {
    }

    /** Every topic with its live claims, the largest first (topics that differ only in case are one). */
    @Transactional
    public List<TopicCount> topics() {
        return ClaimEntity.getEntityManager().createQuery("select min(c.topic), count(c) from ClaimEntity c"
                        + " where c.topic is not null and " + ClaimEntity.LIVE
                        + " group by lower(c.topic) order by count(c) desc, lower(c.topic)", Object[].class)
                .getResultStream().map(row -> new TopicCount((String) row[0], (Long) row[1])).toList();
    }

    /** The claimant's other claims that look like this one: candidates for a merge. */
    @Transactional
    public List<Duplicates.Possible> lookAlikes(long id) {
        ClaimEntity claim = ClaimEntity.existing(id);
        return Duplicates.of(claim.text, claim.claimant, claim.id);
    }

    @Transactional
    public List<TimelineEntry> timeline(long id) {
        ClaimEntity claim = ClaimEntity.existing(id);
        return threads.timeline(claim.threadId, claim.id).stream().map(TimelineEntry::of).toList();
    }

    @Transactional
    public Stats stats(Instant asOf) {
        if (asOf == null) {
            return counts.current();
        }
        return Stats.of(threads.asOf(ClaimEntity.threadsAssertedBy(asOf), asOf).assessments().values());
    }

    /** The standing's counts (now or as of an instant) and, now only, the desk's reviews by state and rating. */
    @Transactional
    public ClaimStats deskStats(Instant asOf) {
        Stats standing = stats(asOf);
        return asOf != null ? ClaimStats.of(standing, null, null)
                : ClaimStats.of(standing, reviews.countsByState(), reviews.publishedRatings());
    }

    /** The latest recorded changes of status or flags, newest first, each with its claim's text. */
    @Transactional
    public List<RecentChange> latestChanges(int limit) {
        return ClaimEntity.getEntityManager().createQuery("select c, claim.text from StatusChangeEntity c, ClaimEntity claim"
                        + " where claim.id = c.claimId order by c.id desc", Object[].class)
                .setMaxResults(limit).getResultList().stream()
                .map(row -> RecentChange.of((StatusChangeEntity) row[0], (String) row[1])).toList();
    }

    /**
     * The latest recorded changes of status or flags, newest first, narrowed to a topic (any case), a status
     * changed to, and a flag raised or kept; each with its claim's text.
     */
    @Transactional
    public List<RecentChange> changes(String topic, ClaimStatus status, Flag flag, int limit) {
        StringBuilder where = new StringBuilder("claim.id = c.claimId");
        Map<String, Object> params = new HashMap<>();
        if (topic != null && !topic.isBlank()) {
            where.append(" and lower(claim.topic) = :topic");
            params.put("topic", topic.strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (status != null) {
            where.append(" and c.status = :status");
            params.put("status", status);
        }
        if (flag != null) {
            where.append(" and concat(',', c.flags, ',') like :flag");
            params.put("flag", "%," + flag.name() + ",%");
        }
        var query = ClaimEntity.getEntityManager().createQuery("select c, claim.text from StatusChangeEntity c,"
                + " ClaimEntity claim where " + where + " order by c.id desc", Object[].class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(row -> RecentChange.of((StatusChangeEntity) row[0], (String) row[1]))
                .toList();
    }

    private Map<Long, Standing> standingsAsOf(List<Long> threadIds, Instant asOf) {
        Evaluation evaluation = threads.asOf(threadIds, asOf);
        Map<Long, Standing> standings = new HashMap<>();
        evaluation.assessments().forEach((id, a) -> standings.put(id, Standing.of(a, evaluation.rulesetVersion(), scale)));
        return standings;
    }
}
