package io.claimtrack.user;

import java.util.Set;

/** Who may do what. Reads are open unless claimtrack.reads.policy=viewer. */
public final class Roles {

    /** Reads, when reads are closed. */
    public static final String VIEWER = "VIEWER";
    /** Submits actors and claims. */
    public static final String SUBMITTER = "SUBMITTER";
    /** Authors and activates rulesets; gives and withdraws verdicts. */
    public static final String ANALYST = "ANALYST";
    /** Manages users. */
    public static final String ADMIN = "ADMIN";

    public static final Set<String> ALL = Set.of(VIEWER, SUBMITTER, ANALYST, ADMIN);

    private Roles() {
    }
}
