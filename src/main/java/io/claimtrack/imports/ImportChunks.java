package io.claimtrack.imports;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.claimtrack.claim.ActorService;
import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.claim.ClaimService;
import io.claimtrack.claim.NewActor;
import io.claimtrack.claim.NewClaim;
import io.claimtrack.claim.Relation;
import io.claimtrack.evaluation.ThreadEvaluation;
import io.claimtrack.refusal.Refusal;
import io.claimtrack.refusal.FieldError;
import io.claimtrack.refusal.FieldErrors;
import io.claimtrack.user.Roles;
import io.claimtrack.user.UserService;
import io.claimtrack.evidence.EvidenceService;
import io.claimtrack.evidence.NewEvidence;
import io.claimtrack.review.RestoredReview;
import io.claimtrack.review.ReviewService;
import io.claimtrack.verdict.NewVerdict;
import io.claimtrack.verdict.VerdictService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores a chunk of an import's lines in one transaction: each valid line through the same services
 * as a single submission, each invalid one reported with its line number and field, then every
 * thread the chunk touched re-evaluated once, and the job's counters moved on. A line is checked in
 * full before it writes anything, so a rejected line leaves no trace.
 */
@ApplicationScoped
public class ImportChunks {

    static final List<String> RELATIONS = Relation.Kind.fields();
    private static final int MAX_REF = 100;

    private final ActorService actors;
    private final ClaimService claims;
    private final VerdictService verdicts;
    private final EvidenceService evidence;
    private final ReviewService reviews;
    private final ForeignReviews foreignReviews;
    private final BiPredicate<String, String> hasRole;
    private final ThreadEvaluation threads;
    private final Validator validator;
    private final ObjectReader json;
    private final Counter storedLines;
    private final Counter rejectedLines;

    public ImportChunks(ActorService actors, ClaimService claims, VerdictService verdicts, EvidenceService evidence,
                        ReviewService reviews, ForeignReviews foreignReviews, UserService users, ThreadEvaluation threads, Validator validator,
                        ObjectMapper mapper, MeterRegistry registry) {
        this.storedLines = Counter.builder("claimtrack.import.lines").tag("outcome", "stored")
                .description("Import lines (reviews, for a ClaimReview upload) stored or rejected").register(registry);
        this.rejectedLines = Counter.builder("claimtrack.import.lines").tag("outcome", "rejected")
                .description("Import lines (reviews, for a ClaimReview upload) stored or rejected").register(registry);
        this.actors = actors;
        this.claims = claims;
        this.verdicts = verdicts;
        this.evidence = evidence;
        this.reviews = reviews;
        this.foreignReviews = foreignReviews;
        this.hasRole = users::hasRole;
        this.threads = threads;
        this.validator = validator;
        // One line, one document: "{...} {...}" on a line is an error, as is an unknown property.
        this.json = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Stores the lines if {@code holder} still runs the job and they are the next it has to read (else {@link ImportTakenOver}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(long jobId, String holder, List<NdjsonReader.Line> lines) {
        ImportJobEntity job = ImportJobEntity.heldBy(jobId, holder, lines.get(0).number() - 1);
        long keptErrors = ImportErrorEntity.count("jobId", jobId);
        Set<Long> touched = new TreeSet<>();
        long stored = 0;
        long rejected = 0;
        ImportRefs refs = new ImportRefs(jobId);
        List<Parsed> parsed = lines.stream().filter(line -> !line.blank()).map(this::parse).toList();
        // Lock every stored thread the chunk replies to up front, in id order, as a bulk re-evaluation does:
        // two writers that lock several threads then never wait on each other in a circle.
        threads.lock(ClaimEntity.threadsOf(targets(refs, parsed)));
        for (Parsed line : parsed) {
            List<FieldError> errors = new ArrayList<>(line.errors());
            Long thread = errors.isEmpty() ? storeLine(job, refs, line, errors) : null;
            if (errors.isEmpty()) {
                stored++;
                if (thread != null) {
                    touched.add(thread);
                }
                continue;
            }
            rejected++;
            for (FieldError error : errors) {
                if (keptErrors++ < ImportErrorEntity.KEPT) {
                    ImportErrorEntity.of(jobId, line.line().number(), error.field(), error.message()).persist();
                }
            }
        }
        long first = lines.get(0).number();
        long last = lines.get(lines.size() - 1).number();
        threads.reevaluateLocked(touched, "import #" + jobId + (first == last ? ", line " + first : ", lines " + first + "-" + last));
        if (QuarkusTransaction.isRollbackOnly()) {
            // A step refused something through a transactional method and marked this transaction for rollback:
            // it would end silently, losing the chunk. Fail it loudly instead; the worker then goes line by line.
            throw new IllegalStateException("the chunk's transaction was marked for rollback");
        }
        job.linesRead = lines.get(lines.size() - 1).number();
        job.stored += stored;
        job.rejected += rejected;
        storedLines.increment(stored);
        rejectedLines.increment(rejected);
        job.threadsEvaluated += touched.size();
    }

    /** Records a line that could not be stored for a reason outside it (its chunk failed as a whole). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reject(long jobId, String holder, NdjsonReader.Line line, String message) {
        ImportJobEntity job = ImportJobEntity.heldBy(jobId, holder, line.number() - 1);
        if (ImportErrorEntity.count("jobId", jobId) < ImportErrorEntity.KEPT) {
            ImportErrorEntity.of(jobId, line.number(), null, message).persist();
        }
        job.linesRead = line.number();
        job.rejected++;
        rejectedLines.increment();
    }

    /** A line read as JSON, or the reasons it could not be. */
    private record Parsed(NdjsonReader.Line line, ObjectNode node, List<FieldError> errors) {
    }

    private Parsed parse(NdjsonReader.Line line) {
        if (line.tooLong()) {
            return new Parsed(line, null, List.of(new FieldError(null, "the line is longer than " + NdjsonReader.MAX_LINE
                    + " characters")));
        }
        try {
            if (json.readTree(line.text()) instanceof ObjectNode object) {
                return new Parsed(line, object, List.of());
            }
            return new Parsed(line, null, List.of(new FieldError(null, "each line must be one JSON object")));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            return new Parsed(line, null, List.of(new FieldError(null, "malformed JSON"
                    + (at == null ? "" : " at column " + at.getColumnNr()))));
        }
    }

    /** The stored claims the chunk's lines point at, by id or by a ref of an earlier chunk. */
    private static List<Long> targets(ImportRefs refs, List<Parsed> parsed) {
        Set<String> ownRefs = new HashSet<>(); // refs of this chunk's lines: new claims, not in the database yet
        for (Parsed line : parsed) {
            JsonNode ref = line.node() == null ? null : line.node().get("ref");
            if (ref != null && ref.isTextual()) {
                ownRefs.add(ref.asText().strip());
            }
        }
        List<Long> targets = new ArrayList<>();
        for (Parsed line : parsed) {
            for (String relation : RELATIONS) {
                JsonNode target = line.node() == null ? null : line.node().get(relation);
                if (target != null && target.canConvertToLong()) {
                    targets.add(target.asLong());
                } else if (target != null && target.isTextual() && !ownRefs.contains(target.asText().strip())) {
                    Long claimId = refs.claimOf(target.asText().strip());
                    if (claimId != null) {
                        targets.add(claimId);
                    }
                }
            }
        }
        return targets;
    }

    /** @return the thread a stored claim joined (null for an actor); {@code errors} filled when refused */
    private Long storeLine(ImportJobEntity job, ImportRefs refs, Parsed line, List<FieldError> errors) {
        ObjectNode node = line.node();
        JsonNode type = node.remove("type");
        try {
            if (type != null && "actor".equals(type.asText())) {
                NewActor actor = read(node, NewActor.class, errors);
                if (actor != null) {
                    errors.addAll(FieldErrors.of(validator.validate(actor)));
                }
                if (actor != null && errors.isEmpty()) {
                    actors.record(actor, job.submittedBy);
                }
                return null;
            }
            if (type != null && "claim".equals(type.asText())) {
                return storeClaim(job, refs, line.line(), node, errors);
            }
            if (type != null && "verdict".equals(type.asText())) {
                return storeVerdict(job, refs, node, errors);
            }
            if (type != null && "evidence".equals(type.asText())) {
                return storeEvidence(job, refs, node, errors);
            }
            if (type != null && "review".equals(type.asText())) {
                return restoreReview(job, refs, node, errors);
            }
            if (type != null && ForeignReview.TYPE.equals(type.asText())) {
                ForeignReview review = read(node, ForeignReview.class, errors);
                return review == null ? null : foreignReviews.store(review, job.submittedBy, errors);
            }
        } catch (Refusal refused) {
            errors.addAll(refused.errors().isEmpty() ? List.of(new FieldError(null, refused.getMessage())) : refused.errors());
            return null;
        }
        errors.add(new FieldError("type", "must be \"actor\", \"claim\", \"verdict\", \"evidence\", \"review\" or"
                + " \"claimreview\" (another fact-checker's review, as a ClaimReview upload is read)"));
        return null;
    }

    /**
     * A verdict on a stored claim (by id) or on an earlier line's (by ref), given as the job's submitter, who must
     * be an analyst as for POST /api/claims/{id}/verdicts. @return the thread it re-evaluates
     */
    private Long storeVerdict(ImportJobEntity job, ImportRefs refs, ObjectNode node, List<FieldError> errors) {
        if (!hasRole.test(job.submittedBy, Roles.ANALYST)) {
            errors.add(new FieldError("type", "verdict lines are taken from analysts only (" + job.submittedBy
                    + " is not one)"));
            return null;
        }
        ClaimEntity claim = claimOf(refs, node, errors);
        NewVerdict request = read(node, NewVerdict.class, errors);
        if (request != null) {
            errors.addAll(FieldErrors.of(validator.validate(request)));
        }
        if (claim == null || request == null || !errors.isEmpty()) {
            return null;
        }
        verdicts.give(claim.id, request, job.submittedBy);
        return claim.threadId;
    }

    /**
     * Evidence on a stored claim or an earlier line's, added as the job's submitter (a submitter, or an editor for
     * the review's evidence), as by POST /api/claims/{id}/evidence. @return the thread it re-evaluates
     */
    private Long storeEvidence(ImportJobEntity job, ImportRefs refs, ObjectNode node, List<FieldError> errors) {
        boolean editor = hasRole.test(job.submittedBy, Roles.EDITOR);
        if (!editor && !hasRole.test(job.submittedBy, Roles.SUBMITTER)) {
            errors.add(new FieldError("type", "evidence lines are taken from submitters and editors only ("
                    + job.submittedBy + " is neither)"));
            return null;
        }
        ClaimEntity claim = claimOf(refs, node, errors);
        NewEvidence request = read(node, NewEvidence.class, errors);
        if (claim == null || request == null || !errors.isEmpty()) {
            return null;
        }
        evidence.add(claim.id, request, job.submittedBy, editor);
        return claim.threadId;
    }

    /**
     * A review from an archive's export, restored as it stood there: an admin's import only, since it skips the
     * workflow's checks (see ReviewService#restore). @return the thread it re-evaluates
     */
    private Long restoreReview(ImportJobEntity job, ImportRefs refs, ObjectNode node, List<FieldError> errors) {
        if (!hasRole.test(job.submittedBy, Roles.ADMIN)) {
            errors.add(new FieldError("type", "review lines restore an archive's reviews and are taken from admins only ("
                    + job.submittedBy + " is not one); editors review claims through /api/claims/{id}/review"));
            return null;
        }
        ClaimEntity claim = claimOf(refs, node, errors);
        RestoredReview review = read(node, RestoredReview.class, errors);
        if (review != null) {
            errors.addAll(FieldErrors.of(validator.validate(review)));
        }
        if (claim == null || review == null || !errors.isEmpty()) {
            return null;
        }
        reviews.restore(claim.id, review, job.submittedBy);
        return claim.threadId;
    }

    /** The claim a verdict, evidence or review line is about: a stored claim's id, or an earlier stored line's ref. */
    private static ClaimEntity claimOf(ImportRefs refs, ObjectNode node, List<FieldError> errors) {
        JsonNode target = node.remove("claim");
        Long claimId = null;
        if (target != null && target.canConvertToLong()) {
            claimId = target.asLong();
        } else if (target != null && target.isTextual()) {
            claimId = refs.claimOf(target.asText().strip());
        }
        ClaimEntity claim = claimId == null ? null : ClaimEntity.findById(claimId);
        if (claim == null) {
            errors.add(new FieldError("claim", "must be a stored claim's id or the ref of an earlier stored line of this import"));
        }
        return claim;
    }

    private Long storeClaim(ImportJobEntity job, ImportRefs refs, NdjsonReader.Line line, ObjectNode node,
                            List<FieldError> errors) {
        JsonNode refNode = node.remove("ref");
        String ref = null;
        if (refNode != null && !refNode.isNull()) {
            ref = refNode.isTextual() ? refNode.asText().strip() : "";
            if (ref.isEmpty() || ref.length() > MAX_REF) {
                errors.add(new FieldError("ref", "must be text of 1 to " + MAX_REF + " characters"));
            } else {
                Long usedOn = refs.lineOf(ref);
                if (usedOn != null) {
                    errors.add(new FieldError("ref", "\"" + ref + "\" is already the ref of line " + usedOn));
                }
            }
        }
        for (String relation : RELATIONS) {
            JsonNode target = node.get(relation);
            if (target != null && target.isTextual()) {
                Long claimId = refs.claimOf(target.asText().strip());
                if (claimId == null) {
                    errors.add(new FieldError(relation, "ref \"" + target.asText() + "\" is not the ref of an earlier"
                            + " stored line of this import (a number here is the id of a stored claim)"));
                    node.remove(relation); // reported; the rest of the line is still checked for its own faults
                } else {
                    node.put(relation, BigInteger.valueOf(claimId));
                }
            }
        }
        NewClaim request = read(node, NewClaim.class, errors);
        if (request != null) {
            errors.addAll(claims.problems(request));
        }
        if (request == null || !errors.isEmpty()) {
            return null;
        }
        ClaimEntity claim = claims.record(request, job.submittedBy);
        if (ref != null) {
            refs.add(ref, claim.id, line.number());
        }
        return claim.threadId;
    }

    /** The line as a request, or null with what is wrong in {@code errors} when its JSON does not fit. */
    private <T> T read(ObjectNode node, Class<T> type, List<FieldError> errors) {
        T value;
        try {
            value = json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            FieldError error = FieldErrors.of(e);
            errors.add(error != null ? error : new FieldError(null, "the line does not have the documented fields"));
            return null;
        }
        return value;
    }
}
