package io.claimtrack.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.claimtrack.claim.ClaimView;

/** A dispute thread as a tree: each claim with the claims that dispute, support or retract it. */
public record ThreadTree(ClaimView claim, String relation, List<ThreadTree> replies) {

    static ThreadTree of(List<ClaimView> thread) {
        Map<Long, List<ClaimView>> byTarget = thread.stream().filter(c -> c.relation() != null)
                .collect(Collectors.groupingBy(c -> c.relation().targetId()));
        ClaimView root = thread.stream().filter(c -> c.relation() == null).findFirst().orElseThrow();
        return build(root, null, byTarget);
    }

    private static ThreadTree build(ClaimView claim, String relation, Map<Long, List<ClaimView>> byTarget) {
        List<ThreadTree> replies = new ArrayList<>();
        for (ClaimView reply : byTarget.getOrDefault(claim.id(), List.of())) {
            replies.add(build(reply, reply.relation().kind().field(), byTarget));
        }
        return new ThreadTree(claim, relation, replies);
    }
}
