package io.claimtrack.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
                Arguments.of("modify loop", rule("modify($c) { };"), "not plain Java"),
                Arguments.of("plain insert", rule("insert(new Status($c, ClaimStatus.UNVERIFIED, \"r\", \"e\"));"), "insertLogical"),
                Arguments.of("retract", rule("delete($c);"), "insertLogical"),
                Arguments.of("variable declaration", rule("String s = \"x\";"), "variable declaration"),
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
                        + "new Object() { public String toString() { return \"\"; } }.toString()));"), "anonymous class"),
                Arguments.of("foreign package", "package java.lang;\nrule \"r\" when then end\n", "package"),
                Arguments.of("timer attribute", HEADER + "rule \"r\"\ntimer (int: 1s 1s)\nwhen\n  $c : Claim()\nthen\nend\n", "timer"));
    }

    /**
     * Code in disguise: every construct the policy decides on explicitly, inside constraints, consequences,
     * rule names, {@code from} and {@code accumulate}. Each would create the file MARKER if it ever ran.
     */
    static Stream<Arguments> disguisedDrafts() {
        String write = "java.nio.file.Files.writeString(java.nio.file.Path.of(\"MARKER\"), \"x\")";
        String insert = "insertLogical(new StatusCandidate($c, ClaimStatus.UNVERIFIED, 60, \"r\", %s));";
        return Stream.of(
                // Text blocks: the reported attack, and text blocks anywhere else.
                Arguments.of("text blocks with a lone quote around code", rule("String a = \"\"\"\n    \" \"\"\";\n    "
                        + write + ";\n    String b = \"\"\"\n    \" \"\"\";"), "variable declaration"),
                Arguments.of("text block as an explanation", rule(insert.formatted("\"\"\"\n    \" \"\"\" + " + write)), "mismatched input"),
                Arguments.of("text block in an argument", rule(insert.formatted("Describe.sentences(\"\"\"\n    x\"\"\")")), "text block"),
                Arguments.of("text block in a constraint", HEADER + "rule \"r\"\nwhen\n    $c : Claim( topic == \"\"\"\n"
                        + "    x\"\"\" )\nthen\nend\n", ""),
                // Strings and comments that once hid code from a quote counter.
                Arguments.of("code between two comments holding quotes", rule("/* \" */ " + write + "; /* \" */"), "writeString"),
                Arguments.of("code after a line comment's quote", rule("// \"\n    " + write + ";"), "writeString"),
                Arguments.of("a char literal quote", rule(insert.formatted("'\"' + \"\" + " + write)), "java"),
                Arguments.of("escaped quotes in a string", rule(insert.formatted("\"\\\"\" + " + write + " + \"\\\"\"")), "java"),
                // Class names assembled at run time, casts, lambdas, method references.
                Arguments.of("a class name by concatenation", rule(insert.formatted("\"\" + Class.forName(\"java.lang.\" + \"Runtime\")")), "Class"),
                Arguments.of("a cast", rule(insert.formatted("((Object) $c).toString()")), "cast"),
                Arguments.of("a cast in a constraint", HEADER + "rule \"r\"\nwhen\n    $c : Claim( ((Object) topic) != null )\nthen\nend\n", "cast"),
                Arguments.of("an inline cast in a constraint", HEADER + "rule \"r\"\nwhen\n    $c : Claim( claimant#Object != null )\nthen\nend\n", "cast"),
                Arguments.of("a lambda", rule(insert.formatted("((java.util.function.Supplier<String>) () -> \"x\").get()")), "cast"),
                Arguments.of("a bare lambda argument", rule(insert.formatted("Describe.sentences(() -> \"x\")")), "lambda"),
                Arguments.of("a lambda in a constraint", HEADER + "rule \"r\"\nwhen\n    $c : Claim( topic == (() -> \"x\") )\nthen\nend\n", "no viable alternative"),
                Arguments.of("a method reference", rule(insert.formatted("Describe.sentences(Describe::actor)")), "method reference"),
                // Arrays, var, switch, classes, records.
                Arguments.of("array creation", rule(insert.formatted("Describe.sentences(new String[] {\"a\"})")), "array creation"),
                Arguments.of("array access", rule(insert.formatted("$c.getTopic().split(\",\")[0]")), "array access"),
                Arguments.of("var", rule("var x = " + write + ";"), "variable declaration"),
                Arguments.of("a switch expression", rule(insert.formatted("switch (1) { default -> \"x\"; }")), "switch"),
                Arguments.of("a local class", rule("class X { String s = \"\" + " + write + "; }"), "class declaration"),
                Arguments.of("a local record", rule("record X(String s) { }"), "class declaration"),
                Arguments.of("an anonymous subclass of a derived fact", rule("insertLogical(new StatusCandidate($c, "
                        + "ClaimStatus.UNVERIFIED, 60, \"r\", \"e\") { });"), "anonymous class"),
                Arguments.of("a nested new", rule(insert.formatted("new java.io.File(\"MARKER\").getName()")), "new java.io.File"),
                Arguments.of("a class literal", rule(insert.formatted("Claim.class.getName()")), "class literal"),
                Arguments.of("instanceof", rule(insert.formatted("$c instanceof Claim ? \"a\" : \"b\"")), "instanceof"),
                Arguments.of("an assignment", rule(insert.formatted("($c = null) == null ? \"a\" : \"b\"")), "assignment"),
                Arguments.of("an increment", HEADER + "rule \"r\"\nwhen\n    $c : Claim( id++ > 0 )\nthen\nend\n", "++"),
                Arguments.of("this in a consequence", rule(insert.formatted("this.toString()")), "this"),
                Arguments.of("super", rule(insert.formatted("super.toString()")), "super"),
                Arguments.of("kcontext", rule(insert.formatted("kcontext.getKieRuntime().toString()")), "kcontext"),
                Arguments.of("more than the rule's name from drools", rule(insert.formatted("drools.getRule().getName().getClass().getName()")),
                        "getClass"),
                Arguments.of("a ternary hiding a call", rule(insert.formatted("true ? \"a\" : System.getenv(\"HOME\")")), "System"),
                Arguments.of("a static call on an enum", rule(insert.formatted("ClaimStatus.valueOf(\"X\").name()")), "ClaimStatus.valueOf"),
                Arguments.of("a fully qualified derived type", rule("insertLogical(new io.claimtrack.facts.StatusCandidate($c, "
                        + "ClaimStatus.UNVERIFIED, 60, \"r\", \"e\"));"), "new io.claimtrack.facts.StatusCandidate"),
                Arguments.of("Drools' modify block", rule("modify($c) { setTopic(\"x\") };"), "not plain Java"),
                Arguments.of("an if statement", rule("if (true) { " + write + "; }"), "if"),
                Arguments.of("a try statement", rule("try { " + write + "; } catch (Exception e) { }"), "try"),
                // Rule names, from, accumulate, annotations, attributes, named consequences.
                Arguments.of("code in a rule name", HEADER + "rule \"r\\\" + System.exit(0) + \\\"\"\nwhen\n    $c : Claim()\nthen\nend\n", "a name is"),
                Arguments.of("a comment marker in a rule name", HEADER + "rule \"r */ x\"\nwhen\n    $c : Claim()\nthen\nend\n", "a name is"),
                Arguments.of("from over the environment", HEADER + "rule \"r\"\nwhen\n    $c : Claim()\n"
                        + "    $v : Object() from java.lang.System.getenv().values()\nthen\nend\n", "from"),
                Arguments.of("from over a bound fact's class", HEADER + "rule \"r\"\nwhen\n    $c : Claim()\n"
                        + "    $v : Object() from $c.getClass().getDeclaredMethods()\nthen\nend\n", "getClass"),
                Arguments.of("accumulate over a static call", HEADER + "rule \"r\"\nwhen\n    $c : Claim()\n"
                        + "    $n : List() from accumulate( Claim( $t : topic ), collectList( java.lang.System.getenv($t) ) )\nthen\nend\n", "accumulate"),
                Arguments.of("exists over files", HEADER + "rule \"r\"\nwhen\n    exists( Object() from "
                        + "java.nio.file.Files.list(java.nio.file.Path.of(\"/\")) )\nthen\nend\n", "from"),
                Arguments.of("a constraint reading the admin password", HEADER + "rule \"r\"\nwhen\n"
                        + "    $c : Claim( topic == java.lang.System.getenv(\"CLAIMTRACK_ADMIN_PASSWORD\") )\nthen\nend\n", "java"),
                Arguments.of("a method of the pattern's class", HEADER + "rule \"r\"\nwhen\n    $c : Claim( getClass() != null )\nthen\nend\n",
                        "getClass"),
                Arguments.of("a rule annotation", HEADER + "rule \"r\" @meta( " + write + " )\nwhen\n    $c : Claim()\nthen\nend\n", "annotation"),
                Arguments.of("a pattern annotation", HEADER + "rule \"r\"\nwhen\n    $c : Claim() @watch( topic )\nthen\nend\n", "annotations"),
                Arguments.of("an enabled expression", HEADER + "rule \"r\"\nenabled ( " + write + " != null )\nwhen\n    $c : Claim()\nthen\nend\n", "enabled"),
                Arguments.of("a salience expression", HEADER + "rule \"r\"\nsalience ( java.lang.Runtime.getRuntime().availableProcessors() )\n"
                        + "when\n    $c : Claim()\nthen\nend\n", "salience"),
                Arguments.of("a named consequence", HEADER + "rule \"r\"\nwhen\n    $c : Claim()\n    do[x]\nthen\nthen[x]\n    "
                        + write + ";\nend\n", "named consequence"),
                Arguments.of("a query with parameters", HEADER + "query \"q\"( String $s )\n    $c : Claim( topic == $s )\nend\n", "parameters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguisedDrafts")
    void shouldRefuseCodeInDisguiseWithoutRunningIt(String name, String drl, String construct, @TempDir Path dir) {
        Path marker = dir.resolve("marker");
        String draft = drl.replace("MARKER", marker.toString());

        List<RuleProblem> problems = policy.check("evil.drl", draft);
        Validation validation = new RulesetValidator().validate(1, Map.of("evil.drl", draft));

        assertFalse(problems.isEmpty(), name + " was accepted");
        assertTrue(problems.stream().anyMatch(p -> p.message().contains(construct)),
                "names the construct \"" + construct + "\": " + problems);
        assertTrue(problems.get(0).line() > 0, "a line is given: " + problems.get(0));
        assertFalse(validation.valid(), name + " validated");
        assertFalse(Files.exists(marker), "validation ran the draft's code");
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

        // Accepted: the one thing said is the lint's warning on the unindexed join, not a refusal.
        assertEquals(List.of(), errors(problems));
        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void shouldAcceptAndCompileEveryConstructOfTheVocabulary() {
        String drl = HEADER + """
                import java.util.List;

                rule "Claim by a state outlet, disputed or not, with a topic is CORROBORATED"
                no-loop
                when
                    $claim : Claim( claimant.kind in ( ActorKind.STATE, ActorKind.MEDIA ), topic matches ".*strikes.*",
                                    claimant.blocs contains "Russia" || claimant.neutral, this != null,
                                    id > 0 && id < 1000000, disputes == null || == 0 )
                    not Claim( disputes == $claim.id, claimant.isIndependentOf( $claim.claimant ) )
                    exists( Claim( supports == $claim.id ) or Claim( retracts == $claim.id ) )
                    forall( $r : Claim( repliesTo == $claim.id ) Claim( this == $r, assertedAt != null ) )
                    $bloc : String() from $claim.claimant.blocs
                    $all : List( size >= 0 ) from collect( Claim( topic == $claim.topic ) )
                    $n : Number( intValue >= 0 ) from accumulate( Claim( $id : id, repliesTo == $claim.id ),
                                                                   count( $id ) )
                    $sum : Number() from accumulate( Claim( $id : id ), sum( $id ) )
                    $now : Now( isInLastDays( $claim.assertedAt, 30 ) || !isInLastDays( $claim.assertedAt, 3650 ) )
                then
                    insertLogical( new StatusCandidate( $claim, ClaimStatus.CORROBORATED, -(-45),
                        drools.getRule().getName(), ($n.intValue() > 1 ? "Replies: " + $n : "One reply") + " in bloc "
                            + $bloc + "; " + Describe.sentences( Describe.actor( $claim.getClaimant() ), 'x' + "" ) ) );
                    ;
                end
                """;

        assertEquals(List.of(), errors(policy.check("vocabulary.drl", drl)));
        assertEquals(List.of(), errors(new RulesetValidator().validate(1, Map.of("vocabulary.drl", drl,
                "queries.drl", HEADER + "query \"statuses\"\n    $status : Status()\nend\n"
                        + "query \"flags\"\n    $flag : FlagRaised()\nend\n")).problems()));
    }

    @Test
    void shouldWarnOfAJoinDroolsCannotIndexAndSayTheRewrite() {
        String drl = HEADER + "rule \"unindexed\"\nwhen\n    $claim : Claim()\n"
                + "    not Claim( claimant == $claim.claimant, retracts == $claim.id )\nthen\nend\n";

        Validation validation = new RulesetValidator().validate(1, Map.of("join.drl", drl));

        assertTrue(validation.valid(), "a warning does not stop a ruleset: " + validation.problems());
        assertEquals(2, validation.problems().size(), validation.problems().toString());
        RuleProblem retracts = validation.problems().get(1);
        assertEquals(RuleProblem.Severity.WARNING, retracts.severity());
        assertEquals(8, retracts.line(), "the line of the join");
        assertTrue(retracts.message().contains("\"retracts == $claim.id\"")
                && retracts.message().contains("$claimId : id") && retracts.message().contains("\"retracts == $claimId\""),
                retracts.message());
    }

    @Test
    void shouldFindNothingToSayAboutTheDefaultPolicy() {
        assertEquals(List.of(), new RulesetValidator().validate(1, RulesDirectory.read(Path.of("rules"))).problems());
    }

    @Test
    void shouldGiveTheLineAndColumnOfARefusedConstraint() {
        String drl = HEADER + "rule \"r\"\nwhen\n    $c : Claim( id > 0, topic == System.getenv(\"X\") )\nthen\nend\n";

        RuleProblem problem = policy.check("evil.drl", drl).get(0);

        assertEquals(7, problem.line(), problem.toString());
        assertEquals(34, problem.column(), problem.toString());
    }

    @Test
    void shouldRefuseNestingThatWouldExhaustTheStack() {
        String deep = "(".repeat(5000) + "1" + ")".repeat(5000);

        List<RuleProblem> inConstraint = policy.check("deep.drl", HEADER + "rule \"r\"\nwhen\n    $c : Claim( id == "
                + deep + " )\nthen\nend\n");
        List<RuleProblem> inConsequence = policy.check("deep.drl", rule(String.format(
                "insertLogical(new StatusCandidate($c, ClaimStatus.UNVERIFIED, %s, \"r\", \"e\"));", deep)));

        assertFalse(inConstraint.isEmpty());
        assertFalse(inConsequence.isEmpty());
        assertTrue(inConsequence.get(0).message().contains("nested"), inConsequence.toString());
    }

    private static String rule(String consequence) {
        return HEADER + "rule \"r\"\nwhen\n    $c : Claim()\nthen\n    " + consequence + "\nend\n";
    }

    private static List<RuleProblem> errors(List<RuleProblem> problems) {
        return problems.stream().filter(p -> p.severity() == RuleProblem.Severity.ERROR).toList();
    }
}
