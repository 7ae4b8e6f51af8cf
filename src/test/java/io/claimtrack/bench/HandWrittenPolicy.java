package io.claimtrack.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.Claim;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;

/**
 * The default policy (the README, "The policy") written out in plain Java, only here: the baseline the benchmarks
 * hold Drools against, and a cross-check of rules/ (both must agree on every claim).
 */
final class HandWrittenPolicy {

    record Expected(ClaimStatus status, Set<Flag> flags) {
    }

    private HandWrittenPolicy() {
    }


    static Map<Long, Expected> evaluate(Collection<List<Claim>> threads, Instant now) {
        Map<Long, Expected> out = new HashMap<>();
        for (List<Claim> thread : threads) {
            Map<Long, List<Claim>> pointing = new HashMap<>();
            for (Claim c : thread) {
                Long target = c.getDisputes() != null ? c.getDisputes() : c.getSupports() != null ? c.getSupports() : c.getRetracts();
                if (target != null) {
                    pointing.computeIfAbsent(target, t -> new ArrayList<>()).add(c);
                }
            }
            // Replies come after what they answer, so from the last claim back every reply is decided first.
            for (int i = thread.size() - 1; i >= 0; i--) {
                Claim c = thread.get(i);
                out.put(c.getId(), assess(c, pointing.getOrDefault(c.getId(), List.of()), out, now));
            }
        }
        return out;
    }

    private static Expected assess(Claim c, List<Claim> replies, Map<Long, Expected> decided, Instant now) {
        List<Actor> disputants = new ArrayList<>();
        List<Actor> supporters = new ArrayList<>();
        List<Actor> neutralDisputants = new ArrayList<>();
        boolean backedNeutralDispute = false;
        boolean retracted = false;
        boolean selfDisputed = false;
        boolean recent = now.minus(Duration.ofDays(30)).isBefore(c.getAssertedAt());
        for (Claim r : replies) {
            recent |= now.minus(Duration.ofDays(30)).isBefore(r.getAssertedAt()) && !r.getAssertedAt().isAfter(now);
            ClaimStatus rs = decided.get(r.getId()).status;
            boolean standing = rs != ClaimStatus.RETRACTED && rs != ClaimStatus.REFUTED;
            if (r.getRetracts() != null && r.getClaimant().equals(c.getClaimant())) {
                retracted = true;
            }
            if (r.getDisputes() != null && standing && r.getClaimant().isIndependentOf(c.getClaimant())) {
                disputants.add(r.getClaimant());
                if (r.getClaimant().isNeutral()) {
                    neutralDisputants.add(r.getClaimant());
                    backedNeutralDispute |= rs == ClaimStatus.CORROBORATED || rs == ClaimStatus.CONFIRMED;
                }
            }
            if (r.getSupports() != null && standing && r.getClaimant().isIndependentOf(c.getClaimant())) {
                supporters.add(r.getClaimant());
            }
            if (r.getDisputes() != null && standing && r.getClaimant().equals(c.getClaimant())) {
                selfDisputed = true;
            }
        }
        ClaimStatus status;
        if (retracted) {
            status = ClaimStatus.RETRACTED;
        } else if ((backedNeutralDispute || anyIndependentPair(neutralDisputants))
                && supporters.stream().noneMatch(Actor::isNeutral)) {
            status = ClaimStatus.REFUTED;
        } else if (!disputants.isEmpty()) {
            status = ClaimStatus.CONTESTED;
        } else if (anyIndependentPair(supporters)) {
            status = ClaimStatus.CONFIRMED;
        } else if (!supporters.isEmpty()) {
            status = ClaimStatus.CORROBORATED;
        } else {
            status = ClaimStatus.UNVERIFIED;
        }
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (anyIndependentPair(disputants)) {
            flags.add(Flag.WIDELY_CONTESTED);
        }
        if (selfDisputed && !retracted) {
            flags.add(Flag.SELF_DISPUTED);
        }
        if (status == ClaimStatus.CONTESTED && !recent) {
            flags.add(Flag.STALE);
        }
        return new Expected(status, flags);
    }

    private static boolean anyIndependentPair(List<Actor> actors) {
        for (int i = 0; i < actors.size(); i++) {
            for (int j = i + 1; j < actors.size(); j++) {
                if (actors.get(i).isIndependentOf(actors.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }
}
