package io.claimtrack.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.claimtrack.facts.Claim;
import io.claimtrack.refusal.InvalidInput;

/**
 * The one earlier claim a claim points at, and how: the one place that reads a claim's three relation
 * fields (disputes, supports, retracts), for requests, stored claims, facts and views alike.
 */
public record Relation(Kind kind, long targetId) {

    public enum Kind {
        DISPUTES, SUPPORTS, RETRACTS;

        /** The JSON field (and form input) that carries this relation, also its word in descriptions. */
        public String field() {
            return name().toLowerCase();
        }

        /** The entity property that stores it. */
        String property() {
            return field() + "Id";
        }

        public static List<String> fields() {
            return Arrays.stream(values()).map(Kind::field).toList();
        }
    }

    /**
     * The relation given by these fields, each null or a claim id. @return null for a claim that points at
     * nothing
     * @throws InvalidInput when more than one is given
     */
    public static Relation of(Long disputes, Long supports, Long retracts) {
        List<Relation> given = new ArrayList<>();
        Long[] targets = {disputes, supports, retracts};
        for (Kind kind : Kind.values()) {
            if (targets[kind.ordinal()] != null) {
                given.add(new Relation(kind, targets[kind.ordinal()]));
            }
        }
        if (given.size() > 1) {
            throw new InvalidInput(given.get(1).kind().field(),
                    "a claim points at one earlier claim at most: give only one of disputes, supports, retracts");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    static Relation of(NewClaim claim) {
        return of(claim.disputes(), claim.supports(), claim.retracts());
    }

    static Relation of(Claim fact) {
        return of(fact.getDisputes(), fact.getSupports(), fact.getRetracts());
    }

    @Override
    public String toString() {
        return kind.field() + " #" + targetId;
    }
}
