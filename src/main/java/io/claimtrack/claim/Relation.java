package io.claimtrack.claim;

import java.util.ArrayList;
import java.util.List;

import io.claimtrack.refusal.InvalidInput;


/** The one earlier claim a new claim points at, and how. */
record Relation(Kind kind, long targetId) {

    enum Kind {
        DISPUTES, SUPPORTS, RETRACTS;

        /** The JSON field that carries this relation. */
        String field() {
            return name().toLowerCase();
        }
    }

    /** @return the relation, or null for a claim that points at nothing */
    static Relation of(NewClaim claim) {
        List<Relation> given = new ArrayList<>();
        if (claim.disputes() != null) {
            given.add(new Relation(Kind.DISPUTES, claim.disputes()));
        }
        if (claim.supports() != null) {
            given.add(new Relation(Kind.SUPPORTS, claim.supports()));
        }
        if (claim.retracts() != null) {
            given.add(new Relation(Kind.RETRACTS, claim.retracts()));
        }
        if (given.size() > 1) {
            throw new InvalidInput(given.get(1).kind().field(),
                    "a claim points at one earlier claim at most: give only one of disputes, supports, retracts");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    @Override
    public String toString() {
        return kind.field() + " #" + targetId;
    }
}
