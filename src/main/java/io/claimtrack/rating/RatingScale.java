package io.claimtrack.rating;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.claimtrack.refusal.InvalidInput;
import io.quarkus.runtime.Startup;

/**
 * The desk's rating scale, from configuration: {@code claimtrack.review.scale} lists the ratings best
 * first as {@code NAME=Words readers see}; the best gets the highest {@code ratingValue}, the worst 1.
 * {@code claimtrack.review.unscaled} lists ratings with no place on that scale (UNPROVEN).
 */
@Singleton
@Startup // read at start, so a malformed scale stops the start naming the setting, not the first review
public class RatingScale {

    static final String SCALE = "claimtrack.review.scale";
    static final String UNSCALED = "claimtrack.review.unscaled";
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final Map<String, Rating> ratings = new LinkedHashMap<>();

    public RatingScale(@ConfigProperty(name = SCALE,
                               defaultValue = "TRUE=True,MOSTLY_TRUE=Mostly true,MIXED=Mixed,MOSTLY_FALSE=Mostly false,FALSE=False")
                       String scale,
                       @ConfigProperty(name = UNSCALED, defaultValue = "UNPROVEN=Unproven") String unscaled) {
        List<String[]> onScale = entries(SCALE, scale);
        if (onScale.size() < 2) {
            throw new IllegalArgumentException(SCALE + " needs at least two ratings, best first (NAME=Words,...)");
        }
        int best = onScale.size();
        for (int i = 0; i < onScale.size(); i++) {
            add(SCALE, new Rating(onScale.get(i)[0], onScale.get(i)[1], best - i, best, 1));
        }
        for (String[] entry : entries(UNSCALED, unscaled)) {
            add(UNSCALED, new Rating(entry[0], entry[1], null, null, null));
        }
    }

    private void add(String setting, Rating rating) {
        if (ratings.putIfAbsent(rating.name(), rating) != null) {
            throw new IllegalArgumentException(setting + ": the rating " + rating.name() + " is named twice in the scale");
        }
    }

    private static List<String[]> entries(String setting, String value) {
        List<String[]> entries = new ArrayList<>();
        if (value == null || value.isBlank() || value.strip().equals("none")) {
            return entries;
        }
        for (String entry : value.split(",")) {
            String[] parts = entry.split("=", 2);
            String name = parts[0].strip();
            String words = parts.length == 2 ? parts[1].strip() : "";
            if (!NAME.matcher(name).matches() || words.isEmpty() || words.length() > 100) {
                throw new IllegalArgumentException(setting + ": \"" + entry.strip() + "\" is not NAME=Words readers see"
                        + " (NAME in capitals, digits and _, up to 40; words up to 100 characters)");
            }
            entries.add(new String[] {name, words});
        }
        return entries;
    }

    /** Every rating, the scale best first, then those off it. */
    public List<Rating> ratings() {
        return List.copyOf(ratings.values());
    }

    /** The names, comma-separated, for messages. */
    public String names() {
        return String.join(", ", ratings.keySet());
    }

    public boolean has(String name) {
        return name != null && ratings.containsKey(name);
    }

    /** The rating named {@code name}, or a 400 on {@code field} listing the scale. */
    public Rating rating(String field, String name) {
        Rating rating = name == null ? null : ratings.get(name.strip().toUpperCase(Locale.ROOT));
        if (rating == null) {
            throw new InvalidInput(field, "must be one of the desk's ratings: " + names());
        }
        return rating;
    }
}
