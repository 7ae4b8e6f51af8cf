package io.claimtrack.user;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be beyond its length: bcrypt reads only its first 72 bytes, so a longer one would
 * sign in with any ending; and the guesses every attacker tries first are refused.
 */
final class PasswordRules {

    static final int MIN_CHARS = 12;
    static final int MAX_BYTES = 72;
    /** The long passwords most often found in leaked lists. */
    private static final Set<String> COMMON = Set.of("password1234", "passwordpassword", "123456789012",
            "1234567890123", "12345678901234", "qwertyuiop12", "qwertyuiopasdf", "qwerty123456", "iloveyou1234",
            "abcdefghijkl", "letmein12345", "welcome12345", "administrator", "changemechangeme", "changeme1234",
            "adminadminadmin", "trustno1trustno1", "football1234", "monkey123456", "123123123123");

    private PasswordRules() {
    }

    /** "ana", "ana2024!", "!!ana!!": what remains without the username has no letter. */
    private static boolean isUsernameDressedUp(String password, String username) {
        int at = password.indexOf(username);
        if (at < 0) {
            return false;
        }
        String rest = password.substring(0, at) + password.substring(at + username.length());
        return rest.codePoints().noneMatch(Character::isLetter);
    }

    /** @return why the password is refused, or empty when it may be used */
    static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_CHARS) {
            return Optional.of("must be at least " + MIN_CHARS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes in UTF-8: bcrypt reads no further, so the rest"
                    + " would not count");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.chars().distinct().count() == 1) {
            return Optional.of("must not be one character repeated");
        }
        if (username != null && !username.isBlank() && isUsernameDressedUp(lower, username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not be the username with digits or punctuation around it");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("is one of the most common passwords: choose another");
        }
        return Optional.empty();
    }
}
