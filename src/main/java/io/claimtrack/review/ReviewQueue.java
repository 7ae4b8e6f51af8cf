package io.claimtrack.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.claimtrack.facts.ReviewState;

/** The desk's work list: reviews by state and assignee, claims nobody has picked up, and counts by state. */
@ApplicationScoped
public class ReviewQueue {

    /** A line of the queue: the claim, where its review stands, with whom, and since when. */
    public record Item(long claimId, String text, ReviewState state, String assignee, String rating, Instant updatedAt) {
    }

    private final EntityManager em;
    private final StoredReviews stored;

    public ReviewQueue(EntityManager em, StoredReviews stored) {
        this.em = em;
        this.stored = stored;
    }

    /** Reviews in {@code state} (any when null) assigned to {@code assignee} (anyone when null), latest first. */
    @Transactional
    public List<Item> reviews(ReviewState state, String assignee, int limit) {
        StringBuilder where = new StringBuilder("where c.id = r.claimId");
        if (state != null) {
            where.append(" and r.state = :state");
        }
        if (assignee != null) {
            where.append(" and lower(r.assignee) = lower(:assignee)");
        }
        var query = em.createQuery("select new io.claimtrack.review.ReviewQueue$Item(c.id, c.text, r.state, r.assignee,"
                + " r.rating, r.updatedAt) from ReviewEntity r, ClaimEntity c " + where + " order by r.updatedAt desc",
                Item.class).setMaxResults(limit);
        if (state != null) {
            query.setParameter("state", state);
        }
        if (assignee != null) {
            query.setParameter("assignee", assignee);
        }
        return query.getResultList();
    }

    /** Claims the desk has not touched, newest assertion first. */
    @Transactional
    public List<Item> unreviewed(int limit) {
        return em.createQuery("select new io.claimtrack.review.ReviewQueue$Item(c.id, c.text,"
                        + " io.claimtrack.facts.ReviewState.UNASSIGNED, null, null, c.recordedAt) from ClaimEntity c"
                        + " where c.mergedInto is null and not exists (select 1 from ReviewEntity r where r.claimId = c.id)"
                        + " order by c.assertedAt desc, c.id desc", Item.class)
                .setMaxResults(limit).getResultList();
    }

    /** How many claims' reviews are in each state; claims never touched count as UNASSIGNED. */
    @Transactional
    public Map<ReviewState, Long> counts() {
        return stored.countsByState();
    }

    /** How many published (or corrected) reviews carry each rating. */
    @Transactional
    public Map<String, Long> publishedRatings() {
        return stored.publishedRatings();
    }
}
