package io.claimtrack.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesetCompilerTest {

    private static final String HEADER = """
            package io.claimtrack.policy;

            import io.claimtrack.facts.Claim;
            """;

    @Test
    void shouldReportASyntaxErrorWithFileLineAndColumn() {
        String drl = HEADER + """

                rule "broken"
                when
                    $c : Claim( id == )
                then
                end
                """;

        var error = assertThrows(RulesetCompilationException.class,
                () -> new RulesetCompiler().compile(7, Map.of("broken.drl", drl)));

        RuleProblem problem = error.problems().get(0);
        assertEquals("broken.drl", problem.file());
        assertEquals(7, problem.line(), problem.toString());
        assertTrue(problem.column() > 0, problem.toString());
        assertTrue(error.problems().stream().noneMatch(p -> p.message().startsWith("Parser returned a null Package")),
                "the parser's echo is dropped");
        assertTrue(error.getMessage().contains("broken.drl:7:"), error.getMessage());
    }

    @Test
    void shouldReportAnUnknownFieldAtItsLine() {
        String drl = HEADER + """

                rule "unknown field"
                when
                    $c : Claim( loudness > 3 )
                then
                end
                """;

        var error = assertThrows(RulesetCompilationException.class,
                () -> new RulesetCompiler().compile(7, Map.of("fields.drl", drl)));

        assertEquals("fields.drl", error.problems().get(0).file());
        assertEquals(7, error.problems().get(0).line(), error.problems().get(0).toString());
    }

    @Test
    void shouldRefuseToStartWhenTheRulesDirectoryDoesNotCompile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("status.drl"), HEADER + "\nrule \"half\" when then");

        var error = assertThrows(RulesetCompilationException.class,
                () -> new RulesetCompiler().compile(1, RulesDirectory.read(dir)));

        assertTrue(error.getMessage().contains("status.drl:"), error.getMessage());
    }

    @Test
    void shouldRefuseToStartWithoutRules(@TempDir Path dir) {
        var error = assertThrows(IllegalStateException.class, () -> RulesDirectory.read(dir.resolve("missing")));

        assertTrue(error.getMessage().contains("claimtrack.rules.dir"), error.getMessage());
    }
}
