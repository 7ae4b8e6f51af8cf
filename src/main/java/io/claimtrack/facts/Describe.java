package io.claimtrack.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns matched facts into the words of an explanation. Rules compose their explanations from these
 * phrases, so every explanation names the claims and actors it was built from. Nothing here decides.
 */
public final class Describe {

    /** Long lists are cut here: an explanation is read by a person, not parsed. */
    static final int MAX_LISTED = 5;
    private static final int MAX_PAIRS = 3;

    private Describe() {
    }

    /** "Russia (bloc "Russia")", "Reuters (MEDIA, no bloc)". */
    public static String actor(Actor actor) {
        if (actor.getBlocs().isEmpty()) {
            return actor.getName() + " (" + actor.getKind() + ", no bloc)";
        }
        return actor.getName() + " (" + blocs(actor) + ")";
    }

    /** "United States (claim #2)". */
    public static String claim(Claim claim) {
        return claim.getClaimant().getName() + " (claim #" + claim.getId() + ")";
    }

    /** "United States (claim #2) and France (claim #3)", in claim order, long lists cut. */
    public static String claims(Collection<?> claims) {
        return listed(sorted(claims).stream().map(Describe::claim).toList());
    }

    /** "France (claim #3), asserted 2015-09-30T12:30:00Z": the most recently asserted of {@code claims}. */
    public static String latest(Collection<?> claims) {
        return claims.stream().map(Claim.class::cast)
                .max(Comparator.comparing(Claim::getAssertedAt).thenComparingLong(Claim::getId))
                .map(c -> claim(c) + ", asserted " + c.getAssertedAt())
                .orElse("nothing");
    }

    /** The most recently asserted of {@code claim} and its {@code replies}, as {@link #latest(Collection)} says it. */
    public static String latest(Claim claim, Collection<?> replies) {
        List<Object> all = new ArrayList<>(replies);
        all.add(claim);
        return latest(all);
    }

    /** "analyst Ana Lyst (verdict #4 of 2026-11-29T10:00:00Z): the strike footage is from 2013". */
    public static String verdict(Verdict verdict) {
        return "analyst " + verdict.getAnalyst() + " (verdict #" + verdict.getId() + " of " + verdict.getAt() + "): "
                + verdict.getReason();
    }

    /** The distinct claimants of the given claims, in claim order. */
    public static List<Actor> claimants(Collection<?> claims) {
        return new ArrayList<>(sorted(claims).stream().map(Claim::getClaimant)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Why {@code a} and {@code b} are, or are not, independent of each other. */
    public static String independence(Actor a, Actor b) {
        if (a.equals(b)) {
            return a.getName() + " is the same actor";
        }
        var shared = a.sharedBlocs(b);
        if (shared.isEmpty()) {
            return a.getName() + " and " + b.getName() + " share no bloc, so they are independent of each other";
        }
        return a.getName() + " and " + b.getName() + " share the " + quotedList(shared, "bloc", "blocs")
                + ", so they are not independent of each other";
    }

    /** Why each claimant of {@code claims} is independent of {@code actor}. */
    public static String independentOf(Collection<?> claims, Actor actor) {
        List<Actor> others = claimants(claims);
        String who = listed(others.stream().map(Actor::getName).toList());
        String shareNoBloc = others.size() == 1 ? "shares no bloc with " : "each share no bloc with ";
        return who + " " + shareNoBloc + actor(actor);
    }

    /**
     * For the claimants of {@code claims}, taken in pairs: which share a bloc and which do not.
     * Empty when there is only one claimant. Only the first few pairs are spelled out, so a wide
     * thread's explanation costs no more than a narrow one's.
     */
    public static String mutualIndependence(Collection<?> claims) {
        List<Actor> actors = claimants(claims);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < actors.size() && shown.size() < MAX_PAIRS; i++) {
            for (int j = i + 1; j < actors.size() && shown.size() < MAX_PAIRS; j++) {
                shown.add(independence(actors.get(i), actors.get(j)));
            }
        }
        if (shown.isEmpty()) {
            return "";
        }
        long total = (long) actors.size() * (actors.size() - 1) / 2;
        String text = String.join("; ", shown);
        return total > shown.size() ? text + "; and " + (total - shown.size()) + " more pairs" : text;
    }

    /** Why the first two claimants of {@code claims} (in claim order) independent of each other are. */
    public static String independentPair(Collection<?> claims) {
        List<Actor> actors = claimants(claims);
        for (int i = 0; i < actors.size(); i++) {
            for (int j = i + 1; j < actors.size(); j++) {
                if (actors.get(i).isIndependentOf(actors.get(j))) {
                    return independence(actors.get(i), actors.get(j));
                }
            }
        }
        return "";
    }

    /** Joins the non-empty parts into sentences: "A. B." */
    public static String sentences(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(text.length() == 0 ? "" : " ").append(part.strip());
                if (!part.strip().endsWith(".")) {
                    text.append('.');
                }
            }
        }
        return text.toString();
    }

    private static String blocs(Actor actor) {
        return quotedList(actor.getBlocs(), "bloc", "blocs");
    }

    private static String quotedList(Collection<String> names, String one, String many) {
        List<String> quoted = names.stream().map(n -> "\"" + n + "\"").toList();
        return (quoted.size() == 1 ? one : many) + " " + listed(quoted);
    }

    static String listed(List<String> items) {
        if (items.isEmpty()) {
            return "nobody";
        }
        List<String> shown = items.subList(0, Math.min(MAX_LISTED, items.size()));
        int rest = items.size() - shown.size();
        if (rest > 0) {
            return String.join(", ", shown) + " and " + rest + " more";
        }
        if (shown.size() == 1) {
            return shown.get(0);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }

    private static List<Claim> sorted(Collection<?> claims) {
        return claims.stream().map(Claim.class::cast).sorted(Comparator.comparingLong(Claim::getId)).toList();
    }
}
