package io.claimtrack.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.runtime.KieSession;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.Claim;

/**
 * The second layer alone: drafts that would run code, compiled with no source-level policy in front, are
 * refused by the check of the compiled classes before any session exists. The control shows the same
 * drafts really do run code when both layers are off, so the marker file means something.
 */
class CompiledClassCheckTest {

    @TempDir
    Path dir;

    private Path marker() {
        return dir.resolve("marker");
    }

    /** Consequences a hostile analyst might write; each would create the marker file if it ran. */
    static Stream<Arguments> hostileConsequences() {
        return Stream.of(
                Arguments.of("text blocks hiding a file write (the reported attack)", """
                        String a = \"""
                            " \""";
                        java.nio.file.Files.writeString(java.nio.file.Path.of("MARKER"), "pwned");
                        String b = \"""
                            " \""";
                        """, "java.nio.file"),
                Arguments.of("a process", "Runtime.getRuntime().exec(new String[] {\"touch\", \"MARKER\"});", "java.lang.Runtime"),
                Arguments.of("the environment", "new java.io.File(\"MARKER\" + System.getenv(\"PATH\").substring(0, 0)).createNewFile();",
                        "java.io.File"),
                Arguments.of("class names built from strings", "Class.forName(\"java.io.\" + \"File\")"
                        + ".getConstructor(String.class).newInstance(\"MARKER\");", "java.lang.Class"),
                Arguments.of("a lambda", "((Runnable) () -> { try { new java.io.File(\"MARKER\").createNewFile(); }"
                        + " catch (Exception e) { } }).run();", "java.lang.Runnable"),
                Arguments.of("an anonymous class", "new Object() { { try { new java.io.File(\"MARKER\").createNewFile(); }"
                        + " catch (Exception e) { } } };", "java.io.File"),
                Arguments.of("the session through drools", "drools.getKieRuntime().halt();", "getKieRuntime"),
                Arguments.of("reflection through getClass", "$c.getClass().getClassLoader();", "getClass"),
                Arguments.of("a thread", "new Thread(() -> { }).start();", "java.lang.Thread"),
                Arguments.of("system properties through Integer", "insertLogical(new io.claimtrack.facts.StatusCandidate($c, "
                        + "io.claimtrack.facts.ClaimStatus.UNVERIFIED, Integer.getInteger(\"x\", 1), \"r\", \"e\"));", "getInteger"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileConsequences")
    void shouldRefuseCompiledCodeThatReachesPastTheFactModel(String name, String consequence, String named) {
        var error = assertThrows(RulesetCompilationException.class,
                () -> new RulesetCompiler().compile(1, Map.of("evil.drl", drl(consequence))), name);

        assertTrue(error.problems().stream().anyMatch(p -> p.message().contains(named)),
                "names " + named + ": " + error.problems());
        assertTrue(error.problems().get(0).message().contains("\"r\""), "names the rule: " + error.problems());
        assertFalse(Files.exists(marker()), "nothing ran");
    }

    @Test
    void shouldRunTheReportedAttackWhenBothLayersAreOff() throws Exception {
        String attack = (String) hostileConsequences().findFirst().orElseThrow().get()[1];

        CompiledRuleset unchecked = new RulesetCompiler(false).compile(1, Map.of("evil.drl", drl(attack)));
        KieSession session = unchecked.newSession();
        try {
            session.insert(new Claim(1, new Actor("Russia", ActorKind.STATE, Set.of()), "t", Instant.EPOCH, null, null, null));
            session.fireAllRules();
        } finally {
            session.dispose();
        }

        assertTrue(Files.exists(marker()), "the control: without both layers the draft writes a file");
    }

    @Test
    void shouldPassTheBaselinePolicy() {
        CompiledRuleset baseline = new RulesetCompiler().compile(1, RulesDirectory.read(Path.of("rules")));

        assertEquals(List.of(), new CompiledClassCheck().check(baseline.kieBase()));
    }

    @Test
    void shouldReadEveryClassAndMemberAConstantPoolNames() throws Exception {
        byte[] own;
        try (var in = CompiledClassCheckTest.class.getResourceAsStream("CompiledClassCheckTest.class")) {
            own = in.readAllBytes();
        }

        ClassReferences references = ClassReferences.read(own);

        assertTrue(references.classes().contains("java/nio/file/Files"), references.classes().toString());
        assertTrue(references.members().stream().anyMatch(m -> m.owner().equals("java/nio/file/Files")
                && m.name().equals("exists")), references.members().toString());
        assertTrue(CompiledClassCheck.refused(references).contains("java.nio.file.Files.exists"));
    }

    private String drl(String consequence) {
        return """
                package io.claimtrack.policy;

                import io.claimtrack.facts.*;

                rule "r"
                when
                    $c : Claim()
                then
                """ + consequence.replace("MARKER", marker().toString()) + "\nend\n";
    }
}
