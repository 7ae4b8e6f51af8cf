package io.claimtrack.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A source behind a claim (or behind the desk's review of it), as known at the evaluation's instant: a
 * fact the rules may read, for instance to count independent sources. Two syndicated copies of one
 * report are one source: see {@link #isSameReportAs}.
 */
public final class Evidence {

    private final long id;
    private final long claimId;
    private final String url;
    private final String archivedUrl;
    private final String publisher;
    private final EvidenceKind kind;
    private final boolean forReview;
    private final long reportId;

    /** {@code reportId}: the id of the first piece of evidence on the claim that is a copy of the same report. */
    public Evidence(long id, long claimId, String url, String archivedUrl, String publisher, EvidenceKind kind,
                    boolean forReview, long reportId) {
        this.id = id;
        this.reportId = reportId;
        this.claimId = claimId;
        this.url = url;
        this.archivedUrl = archivedUrl;
        this.publisher = publisher;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.forReview = forReview;
    }

    public long getId() {
        return id;
    }

    public long getClaimId() {
        return claimId;
    }

    public String getUrl() {
        return url;
    }

    public String getArchivedUrl() {
        return archivedUrl;
    }

    public String getPublisher() {
        return publisher;
    }

    public EvidenceKind getKind() {
        return kind;
    }

    /** Whether the desk attached it to its review of the claim rather than to the claim itself. */
    public boolean isForReview() {
        return forReview;
    }

    /**
     * Which report this is a copy of: the id of the earliest piece of evidence on the claim that is the same
     * report, directly or through other copies (its own id when it is the first). Counting distinct report
     * ids counts independent sources: {@code accumulate( Evidence( claimId == $id, $r : reportId ), collectSet( $r ) )}.
     */
    public long getReportId() {
        return reportId;
    }

    /**
     * Whether this and {@code other} are copies of one report: the same publisher (any case), the same
     * archived copy, or the same URL. Syndication repeats a report; it does not add a source.
     */
    public boolean isSameReportAs(Evidence other) {
        return other != null && (same(publisher, other.publisher) || same(archivedUrl, other.archivedUrl)
                || same(url, other.url));
    }

    /**
     * Reads each piece's report from the pieces on one claim, in id order: a piece joins the report of the
     * first earlier piece it is a copy of, and reports two pieces join are merged (copies of copies are one
     * report). Java gathers this fact; the rules decide what counting reports means.
     */
    public static List<Evidence> withReports(List<Evidence> onOneClaim) {
        int n = onOneClaim.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            for (int j = 0; j < i; j++) {
                if (onOneClaim.get(i).isSameReportAs(onOneClaim.get(j))) {
                    int a = root(parent, i);
                    int b = root(parent, j);
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        List<Evidence> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Evidence e = onOneClaim.get(i);
            out.add(new Evidence(e.id, e.claimId, e.url, e.archivedUrl, e.publisher, e.kind, e.forReview,
                    onOneClaim.get(root(parent, i)).id));
        }
        return out;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence other && id == other.id && reportId == other.reportId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "evidence #" + id + " on claim #" + claimId + (publisher == null ? "" : " from " + publisher);
    }
}
