package io.claimtrack.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL files into a knowledge base at runtime (classic DRL through the KIE API), so rules can
 * come from {@code rules/} or from an analyst without a rebuild. A knowledge base whose compiled code
 * names anything outside the fact model is refused before any session exists ({@link CompiledClassCheck}).
 * Plain Java: rule tests use it directly.
 */
public final class RulesetCompiler {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final String RESOURCES = "src/main/resources/";
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private final boolean checkClasses;

    public RulesetCompiler() {
        this(true);
    }

    /** Only tests switch the class check off, to show what it stops. */
    RulesetCompiler(boolean checkClasses) {
        this.checkClasses = checkClasses;
    }

    /**
     * @param files file name to DRL text
     * @throws RulesetCompilationException listing every error, with file, line and column
     */
    public CompiledRuleset compile(int version, Map<String, String> files) {
        long started = System.nanoTime();
        try {
            return build(version, files);
        } finally {
            COMPILES.increment();
            COMPILE_NANOS.add(System.nanoTime() - started);
        }
    }

    /** Compilations since the start (refused ones too), for the metrics. */
    public static long compilations() {
        return COMPILES.sum();
    }

    /** Time spent compiling since the start, in nanoseconds, for the metrics. */
    public static double compileNanos() {
        return COMPILE_NANOS.sum();
    }

    private static final java.util.concurrent.atomic.LongAdder COMPILES = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder COMPILE_NANOS = new java.util.concurrent.atomic.LongAdder();

    private CompiledRuleset build(int version, Map<String, String> files) {
        KieServices kieServices = KieServices.Factory.get();
        // A fresh release id per build: the KIE repository keeps every module it has built under its id.
        ReleaseId releaseId = kieServices.newReleaseId("io.claimtrack.rulesets", "ruleset-v" + version,
                "1.0.0-" + UUID.randomUUID());
        KieFileSystem fileSystem = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, String> fileByPath = new HashMap<>();
        files.forEach((name, drl) -> {
            String path = pathFor(name, drl);
            fileByPath.put(path, name); // messages name the path below the resources root
            fileSystem.write(RESOURCES + path, drl);
        });

        KieBuilder builder = kieServices.newKieBuilder(fileSystem).buildAll();
        try {
            List<RuleProblem> errors = problems(builder.getResults().getMessages(), fileByPath).stream()
                    .filter(p -> p.severity() == RuleProblem.Severity.ERROR)
                    .toList();
            if (!errors.isEmpty()) {
                throw new RulesetCompilationException("Ruleset v" + version, errors);
            }
            KieContainer container = kieServices.newKieContainer(releaseId);
            KieBase kieBase = container.getKieBase();
            List<RuleProblem> refused = checkClasses ? new CompiledClassCheck().check(kieBase) : List.of();
            if (!refused.isEmpty()) {
                container.dispose(); // no session was ever made from it
                throw new RulesetCompilationException("Ruleset v" + version, refused);
            }
            return new CompiledRuleset(version, kieBase, container.newKieSessionsPool(2));
        } finally {
            kieServices.getRepository().removeKieModule(releaseId);
        }
    }

    /** Drools wants each DRL at a path mirroring its package, or it warns. */
    private static String pathFor(String name, String drl) {
        Matcher pkg = PACKAGE.matcher(drl);
        String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
        return dir + name;
    }

    static List<RuleProblem> problems(List<Message> messages, Map<String, String> fileByPath) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Message message : messages) {
            String text = message.getText() == null ? "" : message.getText().strip();
            if (text.startsWith(NULL_PACKAGE) && messages.size() > 1) {
                continue; // an echo of the syntax error already reported for this file
            }
            String file = fileByPath.getOrDefault(message.getPath(), message.getPath() == null ? "" : message.getPath());
            RuleProblem.Severity severity = message.getLevel() == Message.Level.ERROR
                    ? RuleProblem.Severity.ERROR : RuleProblem.Severity.WARNING;
            problems.add(RuleProblem.at(file, message.getLine(), message.getColumn(), severity, text));
        }
        return problems;
    }
}
