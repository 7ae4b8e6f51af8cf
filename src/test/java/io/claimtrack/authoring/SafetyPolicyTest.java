package io.claimtrack.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.claimtrack.rules.RuleProblem;
import io.claimtrack.rules.RulesDirectory;

/** The safety policy passes the baseline and rejects, before compiling, everything outside its vocabulary. */
class SafetyPolicyTest {

    private static final String HEADER = """
            package io.claimtrack.policy;

            import io.claimtrack.facts.*;

            """;

    private final SafetyPolicy policy = new SafetyPolicy();

    @Test
    void shouldAcceptTheBaselinePolicy() {
        RulesDirectory.read(Path.of("rules")).forEach((file, drl) ->
                assertEquals(List.of(), policy.check(file, drl), file));
    }

    static Stream<Arguments> unsafeDrafts() {
        return Stream.of(
                Arguments.of("process exec", rule("insertLogical(new Status($c, ClaimStatus.UNVERIFIED, \"r\", "
                        + "\"\" + Runtime.getRuntime().exec(\"rm -rf /\")));"), "Runtime"),
                Arguments.of("fully qualified exec", rule("insertLogical(new Status($c, ClaimStatus.UNVERIFIED, \"r\", "
                        + "\"\" + java.lang.Runtime.getRuntime().exec(\"id\")));"), "java"),
                Arguments.of("System.exit statement", rule("System.exit(1);"), "System.exit"),
                Arguments.of("System.exit hidden in an argument", rule("insertLogical(new Status($c, ClaimStatus.UNVERIFIED, "
                        + "\"r\", \"\" + (System.exit(0))));"), "System"),
                Arguments.of("file access", rule("insertLogical(new Status($c, ClaimStatus.UNVERIFIED, \"r\", "
                        + "new java.io.File(\"/etc/passwd\").toString()));"), "java"),
                Arguments.of("reflection through getClass", rule("insertLogical(new Status($c, ClaimStatus.UNVERIFIED, \"r\", "
                        + "$c.getClass().getName()));"), "getClass"),
                Arguments.of("class loading", rule("insertLogical(new Status($c, ClaimStatus.UNVERIFIED, \"r\", "
                        + "\"\" + Class.forName(\"java.lang.Runtime\")));"), "Class"),
                Arguments.of("network", rule("insertLogical(new Status($c, ClaimStatus.UNVERIFIED, \"r\", "
                        + "\"\" + new java.net.URL(\"http://evil.example\").openStream()));"), "java"),
                Arguments.of("thread", rule("new Thread().start();"), "new Thread"),
                Arguments.of("modify loop", rule("modify($c) { };"), "blocks"),
                Arguments.of("plain insert", rule("insert(new Status($c, ClaimStatus.UNVERIFIED, \"r\", \"e\"));"), "insertLogical"),
                Arguments.of("retract", rule("delete($c);"), "insertLogical"),
                Arguments.of("assignment", rule("String s = \"x\";"), "assignment"),
                Arguments.of("kie runtime through drools", rule("insertLogical(new Status($c, ClaimStatus.UNVERIFIED, "
                        + "\"r\", \"\" + drools.getKieRuntime()));"), "drools"),
                Arguments.of("declare", HEADER + "declare Evil\n  x : String\nend\n", "declare"),
                Arguments.of("global", HEADER + "global java.util.List sink;\n", "global"),
                Arguments.of("function", HEADER + "function String pwn() { return \"\"; }\n", "function"),
                Arguments.of("eval", HEADER + "rule \"r\"\nwhen\n  $c : Claim()\n  eval( true )\nthen\nend\n", "eval"),
                Arguments.of("mvel dialect", HEADER + "rule \"r\"\ndialect \"mvel\"\nwhen\n  $c : Claim()\nthen\nend\n", "dialect"),
                Arguments.of("package-level mvel dialect", HEADER + "dialect \"mvel\"\n", "dialect"),
                Arguments.of("foreign import", HEADER.replace("import io.claimtrack.facts.*;",
                        "import io.claimtrack.facts.*;\nimport java.lang.Runtime;"), "import java.lang.Runtime"),
                Arguments.of("static call in a condition", HEADER + "rule \"r\"\nwhen\n"
                        + "  $c : Claim( id == java.lang.Runtime.getRuntime().availableProcessors() )\nthen\nend\n", "java"),
                Arguments.of("system property in a condition", HEADER + "rule \"r\"\nwhen\n"
                        + "  $c : Claim( topic == System.getProperty(\"user.home\") )\nthen\nend\n", "System"),
                Arguments.of("from over a method call", HEADER + "rule \"r\"\nwhen\n"
                        + "  $s : String() from java.nio.file.Files.readAllLines(java.nio.file.Path.of(\"/etc/passwd\"))\nthen\nend\n",
                        "from"),
                Arguments.of("custom accumulate code", HEADER + "rule \"r\"\nwhen\n  $n : Number() from accumulate( Claim(), "
                        + "init( int n = 0; ) action( n++; ) result( n ) )\nthen\nend\n", "accumulate"),
                Arguments.of("unicode escape hiding a quote", rule("insertLogical(new Status($c, ClaimStatus.UNVERIFIED, "
                        + "\"r\", \"\\u0022); System.exit(0); //\"));"), "unicode"),
                Arguments.of("anonymous class", rule("insertLogical(new Status($c, ClaimStatus.UNVERIFIED, \"r\", "
                        + "new Object() { public String toString() { return \"\"; } }.toString()));"), "blocks"),
                Arguments.of("foreign package", "package java.lang;\nrule \"r\" when then end\n", "package"),
                Arguments.of("timer attribute", HEADER + "rule \"r\"\ntimer (int: 1s 1s)\nwhen\n  $c : Claim()\nthen\nend\n", "timer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeDrafts")
    void shouldRejectUnsafeDrafts(String name, String drl, String construct) {
        List<RuleProblem> problems = policy.check("evil.drl", drl);

        assertFalse(problems.isEmpty(), name + " was accepted");
        RuleProblem first = problems.get(0);
        assertEquals("evil.drl", first.file());
        assertTrue(first.line() > 0, "a line is given: " + first);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains(construct)),
                "names the construct \"" + construct + "\": " + problems);
    }

    @Test
    void shouldGiveTheLineOfTheOffendingStatement() {
        String drl = HEADER + "rule \"r\"\nwhen\n    $c : Claim()\nthen\n    insertLogical( new Status( $c, ClaimStatus.UNVERIFIED, \"r\", \"e\" ) );\n    System.exit( 0 );\nend\n";

        List<RuleProblem> problems = policy.check("evil.drl", drl);

        assertEquals(10, problems.get(0).line(), problems.toString());
    }

    @Test
    void shouldAcceptADraftWithinTheVocabulary() {
        String drl = HEADER + """
                rule "Claim by a media outlet is CORROBORATED"
                salience 5
                when
                    $claim : Claim( claimant.kind == ActorKind.MEDIA, topic != null )
                    $n : Number( intValue >= 0 ) from accumulate( Claim( disputes == $claim.id ), count( 1 ) )
                then
                    insertLogical( new StatusCandidate( $claim, ClaimStatus.CORROBORATED, 45,
                        drools.getRule().getName(), "Reported by " + Describe.actor( $claim.getClaimant() ) + "; " + $n ) );
                end
                """;

        List<RuleProblem> problems = policy.check("media.drl", drl);

        assertEquals(List.of(), problems);
    }

    private static String rule(String consequence) {
        return HEADER + "rule \"r\"\nwhen\n    $c : Claim()\nthen\n    " + consequence + "\nend\n";
    }
}
