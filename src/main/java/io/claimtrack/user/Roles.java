package io.claimtrack.user;

/** Who may do what. Reads are open unless claimtrack.reads.policy=viewer. */
public final class Roles {

    /** Reads, when reads are closed. */
    public static final String VIEWER = "VIEWER";
    /** Submits actors and claims. */
    public static final String SUBMITTER = "SUBMITTER";
    /** Authors and activates rulesets; gives and withdraws verdicts. */
    public static final String ANALYST = "ANALYST";
    /** The desk's editors: assign, review, rate, publish, correct and unpublish the desk's reviews of claims. */
    public static final String EDITOR = "EDITOR";
    /** Manages users. */
    public static final String ADMIN = "ADMIN";

    /** Every role, for validating a request's roles (the reads policy in application.properties lists them too). */
    static final String LIST = VIEWER + ", " + SUBMITTER + ", " + ANALYST + ", " + EDITOR + ", " + ADMIN;
    static final String PATTERN = VIEWER + "|" + SUBMITTER + "|" + ANALYST + "|" + EDITOR + "|" + ADMIN;
    static final String ONE_OF = "must be one of " + LIST;

    private Roles() {
    }
}
