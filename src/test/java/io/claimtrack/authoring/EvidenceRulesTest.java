package io.claimtrack.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.Claim;
import io.claimtrack.facts.Evidence;
import io.claimtrack.facts.EvidenceKind;
import io.claimtrack.rules.Assessment;
import io.claimtrack.rules.CompiledRuleset;
import io.claimtrack.rules.FactSet;
import io.claimtrack.rules.PolicyEvaluator;
import io.claimtrack.rules.RuleProblem;
import io.claimtrack.rules.RulesDirectory;
import io.claimtrack.rules.RulesetCompiler;

/**
 * Evidence is a fact an analyst's rule may count: two syndicated copies of one report (same publisher,
 * same archived copy, or same URL) count once. The rule below passes the safety policy as analysts write it.
 */
class EvidenceRulesTest {

    private static final String COUNTING_RULE = """
            package io.claimtrack.policy;

            import io.claimtrack.facts.Claim;
            import io.claimtrack.facts.Evidence;
            import io.claimtrack.facts.SuggestedRating;

            import java.util.Set;

            // Each report counts once: copies of one report share its report id.
            rule "A claim backed by two independent reports suggests MOSTLY_TRUE"
            when
                $claim   : Claim( $id : id )
                $reports : Set( size >= 2 ) from accumulate(
                               Evidence( claimId == $id, !forReview, $report : reportId ),
                               collectSet( $report ) )
            then
                insertLogical( new SuggestedRating( $claim, "MOSTLY_TRUE", drools.getRule().getName(),
                    $reports.size() + " independent reports" ) );
            end
            """;

    private static final Actor RUSSIA = new Actor("Russia", ActorKind.STATE, Set.of("Russia"));
    private static final Instant SAID = Instant.parse("2015-09-30T09:00:00Z");

    @Test
    void passesTheSafetyPolicy() {
        List<RuleProblem> errors = new SafetyPolicy().check("sources.drl", COUNTING_RULE).stream()
                .filter(p -> p.severity() == RuleProblem.Severity.ERROR).toList();
        assertEquals(List.of(), errors);
    }

    @Test
    void countsSyndicatedCopiesOfOneReportOnce() {
        Evidence reuters = evidence(1, "https://reuters.example/a", null, "Reuters");
        Evidence syndicated = evidence(2, "https://paper.example/copy-of-a", null, "reuters");
        Evidence sameArchive = evidence(3, "https://blog.example/a", "https://archive.example/a", "A blog");
        Evidence archivedAgain = evidence(4, "https://other.example/a", "https://archive.example/a", "Other");

        assertNull(suggestion(List.of(reuters, syndicated)), "one report, syndicated: one source");
        assertNull(suggestion(List.of(sameArchive, archivedAgain)), "one archived copy: one source");
        assertEquals("2 independent reports", suggestion(List.of(reuters, syndicated, sameArchive)).explanation());
        assertEquals("3 independent reports", suggestion(List.of(reuters, sameArchive,
                evidence(5, "https://ap.example/x", null, "AP"))).explanation());
        // A copy of a copy is the same report: 6 shares 2's URL, 2 shares 1's publisher.
        assertNull(suggestion(List.of(reuters, syndicated, evidence(6, "https://paper.example/copy-of-a", null, "Paper"))));
    }

    private static Assessment.Suggestion suggestion(List<Evidence> evidence) {
        Map<String, String> files = new HashMap<>(RulesDirectory.read(Path.of("rules")));
        files.put("sources.drl", COUNTING_RULE);
        CompiledRuleset ruleset = new RulesetCompiler().compile(2, files);
        Claim claim = new Claim(1, RUSSIA, "Syria", SAID, null, null, null);
        Map<Long, Assessment> result = new PolicyEvaluator().evaluate(ruleset,
                new FactSet(List.of(claim), List.of(), List.of(), Evidence.withReports(evidence), SAID));
        return result.get(1L).suggestion();
    }

    private static Evidence evidence(long id, String url, String archivedUrl, String publisher) {
        return new Evidence(id, 1, url, archivedUrl, publisher, EvidenceKind.ARTICLE, false, id);
    }
}
