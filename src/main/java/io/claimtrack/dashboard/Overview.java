package io.claimtrack.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.claim.ClaimFilter;
import io.claimtrack.claim.ClaimQueries;
import io.claimtrack.claim.ClaimView;
import io.claimtrack.claim.RecentChange;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.status.Stats;
import io.claimtrack.status.StatusCounts;

/**
 * What the overview shows: counts now, how the claims stood at the end of each recent day (from the
 * recorded history), the latest changes, the latest contested claims.
 */
@ApplicationScoped
public class Overview {

    /** Days shown on the chart: the last two weeks, today included. */
    static final int CHART_DAYS = 14;

    private final StatusCounts counts;
    private final ClaimQueries queries;

    public Overview(StatusCounts counts, ClaimQueries queries) {
        this.counts = counts;
        this.queries = queries;
    }

    /** Everything the overview page shows, read in one go. */
    public record View(Stats stats, List<StatusCounts.Day> days, Chart chart, List<RecentChange> changes,
                       List<ClaimView> contested) {
    }

    public View read() {
        List<StatusCounts.Day> days = counts.perDay(CHART_DAYS);
        return new View(counts.current(), days, chart(days), queries.latestChanges(10),
                queries.list(ClaimFilter.parse("CONTESTED", null, null, null, null, null), 0, 10).items());
    }

    /** A bar chart drawn on the server: one group of bars per day, one bar per status. */
    public record Chart(int width, List<Bar> bars, List<Label> labels) {
    }

    public record Bar(int x, int y, int height, ClaimStatus status, String title) {
    }

    public record Label(int x, String text) {
    }

    static Chart chart(List<StatusCounts.Day> days) {
        long max = Math.max(1, days.stream().flatMap(d -> d.counts().byStatus().values().stream())
                .mapToLong(Long::longValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int d = 0; d < days.size(); d++) {
            StatusCounts.Day day = days.get(d);
            int x = 20 + d * 70;
            int s = 0;
            for (Map.Entry<ClaimStatus, Long> count : day.counts().byStatus().entrySet()) {
                int height = (int) (count.getValue() * 140 / max);
                bars.add(new Bar(x + s * 8, 160 - height, height, count.getKey(),
                        day.date() + ": " + count.getValue() + " " + count.getKey()));
                s++;
            }
            labels.add(new Label(x, day.date().toString()));
        }
        return new Chart(20 + days.size() * 70, bars, labels);
    }
}
