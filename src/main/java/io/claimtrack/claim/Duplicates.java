package io.claimtrack.claim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Claims that look like one about to be stored: by the same claimant (an indexed lookup, so it stays fast in a
 * million claims), with words in common above a threshold (Jaccard similarity of their significant words).
 * Reported to the submitter, who decides; {@code ifDuplicate: "reject"} makes them a refusal.
 */
public final class Duplicates {

    /** Words shared by more than this share of the two texts' words make a likely duplicate. */
    static final double THRESHOLD = 0.6;
    /** How many of the claimant's latest claims are compared. */
    static final int COMPARED = 200;
    static final int SHOWN = 5;
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "of", "in", "on", "at", "to",
            "for", "by", "with", "is", "are", "was", "were", "be", "been", "it", "its", "that", "this", "as", "from",
            "not", "no", "has", "have", "had", "will", "would", "said", "says");

    /** A likely duplicate: its id, its text and how alike the two are (0 to 1). */
    public record Possible(long id, String text, double similarity) {

        /** How alike, in whole percent, for people. */
        public long percent() {
            return Math.round(similarity * 100);
        }
    }

    private Duplicates() {
    }

    /** The stored claim by this claimant this text most likely restates, if any is alike enough to be a duplicate. */
    public static java.util.Optional<ClaimEntity> closest(String text, ActorEntity claimant) {
        return of(text, claimant).stream().findFirst().map(possible -> ClaimEntity.<ClaimEntity>findById(possible.id()));
    }

    static List<Possible> of(String text, ActorEntity claimant) {
        return of(text, claimant, null);
    }

    /** As {@link #of(String, ActorEntity)}, leaving out the claim {@code except} itself. */
    static List<Possible> of(String text, ActorEntity claimant, Long except) {
        Set<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Possible> found = new ArrayList<>();
        List<Object[]> rows = ClaimEntity.getEntityManager()
                .createQuery("select c.id, c.text from ClaimEntity c where c.claimant = :claimant and " + ClaimEntity.LIVE
                                + " order by c.id desc",
                        Object[].class)
                .setParameter("claimant", claimant).setMaxResults(COMPARED).getResultList();
        for (Object[] row : rows) {
            if (row[0].equals(except)) {
                continue;
            }
            double similarity = similarity(words, words((String) row[1]));
            if (similarity >= THRESHOLD) {
                found.add(new Possible((Long) row[0], (String) row[1], Math.round(similarity * 100) / 100.0));
            }
        }
        found.sort(Comparator.comparingDouble(Possible::similarity).reversed().thenComparing(Possible::id));
        return found.size() > SHOWN ? found.subList(0, SHOWN) : found;
    }

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return (double) shared.size() / all.size();
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }
}
