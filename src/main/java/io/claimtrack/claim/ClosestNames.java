package io.claimtrack.claim;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The registered names most like a name nobody registered: what a person probably meant ("Rusia" →
 * "Russia", "the united states" → "United States"). Edit distance on the whole name, and shared words, each
 * as a share of the longer name; a name under half alike is not offered.
 */
final class ClosestNames {

    private static final double THRESHOLD = 0.5;

    private ClosestNames() {
    }

    static List<String> to(String wanted, List<String> known, int limit) {
        String key = normal(wanted);
        return known.stream()
                .map(name -> new Scored(name, likeness(key, normal(name))))
                .filter(scored -> scored.score >= THRESHOLD)
                .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::name))
                .limit(limit).map(Scored::name).toList();
    }

    private record Scored(String name, double score) {
    }

    static double likeness(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double edits = 1 - (double) distance(a, b) / Math.max(a.length(), b.length());
        Set<String> wordsA = new HashSet<>(List.of(a.split(" ")));
        Set<String> wordsB = new HashSet<>(List.of(b.split(" ")));
        Set<String> shared = new HashSet<>(wordsA);
        shared.retainAll(wordsB);
        double words = (double) shared.size() / Math.max(wordsA.size(), wordsB.size());
        return Math.max(edits, words);
    }

    /** Lower case, "the " dropped, runs of space and punctuation as one space. */
    private static String normal(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", " ").strip();
        return n.startsWith("the ") ? n.substring(4) : n;
    }

    /** Levenshtein distance, two rows; names are at most 200 characters. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
