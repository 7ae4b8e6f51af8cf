package io.claimtrack.authoring;

import java.util.Map;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A draft: either whole ({@code files}), or over a base version ({@code basedOn}), where {@code files}
 * holds the added or changed files and a file mapped to null is removed. Scenarios work the same way.
 */
public record NewRuleset(
        @Size(max = 2000, message = "must be at most 2000 characters")
        String note,

        @Positive(message = "must be a ruleset version")
        Integer basedOn,

        Map<String, String> files,

        Map<String, String> scenarios) {
}
