package io.claimtrack.claim;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.claimtrack.facts.Claim;
import io.claimtrack.problem.ApiException;
import io.claimtrack.rules.RuleEngine;
import io.claimtrack.status.StatusRecorder;

/**
 * The one path for a submission: check it against what is stored, persist it, re-evaluate its
 * dispute thread under the active ruleset, record the conclusions. All in one transaction, so a
 * rejected claim leaves no trace and an accepted one is never seen without its statuses.
 */
@ApplicationScoped
public class ClaimService {

    private final ActorService actors;
    private final RuleEngine ruleEngine;
    private final StatusRecorder statusRecorder;
    private final Clock clock;

    public ClaimService(ActorService actors, RuleEngine ruleEngine, StatusRecorder statusRecorder, Clock clock) {
        this.actors = actors;
        this.ruleEngine = ruleEngine;
        this.statusRecorder = statusRecorder;
        this.clock = clock;
    }

    @Transactional
    public ClaimEntity submit(NewClaim request) {
        Relation relation = Relation.of(request);
        ClaimEntity target = relation == null ? null : target(relation, request);
        if (target != null) {
            // One submission at a time per thread, so each evaluation sees every claim before it.
            ClaimEntity.findById(target.threadId, LockModeType.PESSIMISTIC_WRITE);
        }
        ActorEntity claimant = actors.claimant(request.claimant());
        if (relation != null && relation.kind() == Relation.Kind.RETRACTS && !claimant.id.equals(target.claimant.id)) {
            throw ApiException.unprocessable("retracts", "only " + target.claimant.name + ", who made claim #"
                    + target.id + ", can retract it; " + claimant.name + " can dispute it instead");
        }

        ClaimEntity claim = new ClaimEntity();
        claim.text = request.text().strip();
        claim.claimant = claimant;
        claim.topic = blankToNull(request.topic());
        claim.assertedAt = request.assertedAt();
        claim.recordedAt = clock.instant();
        claim.source = source(request.source());
        claim.quote = blankToNull(request.quote());
        claim.disputesId = request.disputes();
        claim.supportsId = request.supports();
        claim.retractsId = request.retracts();
        claim.persist();
        claim.threadId = target == null ? claim.id : target.threadId;

        String cause = "claim #" + claim.id + " submitted" + (relation == null ? "" : " (" + relation + ")");
        evaluateThread(claim.threadId, cause);
        return claim;
    }

    private void evaluateThread(long threadId, String cause) {
        List<Claim> facts = ClaimEntity.inThread(threadId).stream().map(ClaimEntity::toFact).toList();
        statusRecorder.record(ruleEngine.evaluate(facts), cause);
    }

    private static ClaimEntity target(Relation relation, NewClaim request) {
        ClaimEntity target = ClaimEntity.findById(relation.targetId());
        String field = relation.kind().field();
        if (target == null) {
            throw ApiException.unprocessable(field, "claim #" + relation.targetId() + " does not exist");
        }
        if (request.assertedAt().isBefore(target.assertedAt)) {
            throw ApiException.unprocessable("assertedAt", "a claim cannot be asserted (" + request.assertedAt()
                    + ") before the claim #" + target.id + " it " + field + " (" + target.assertedAt + ")");
        }
        return target;
    }

    private static Source source(NewClaim.SourceInput input) {
        if (input == null || (input.url() == null && input.title() == null && input.publisher() == null)) {
            return null;
        }
        Source source = new Source();
        source.url = blankToNull(input.url());
        source.title = blankToNull(input.title());
        source.publisher = blankToNull(input.publisher());
        return source;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
