package io.claimtrack.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

import io.claimtrack.rules.RuleProblem;

/**
 * Rules are code, and an analyst is not an administrator. Before a draft is compiled, each file is
 * parsed into Drools' descriptor tree, and every constraint and consequence inside it into a syntax tree
 * ({@link SyntaxAllowList}); both are checked against allow-lists: the fact model may be read, statuses and
 * flags may be derived, and nothing else may be touched. Anything outside the lists, or anything that does
 * not parse, is rejected with its file, line, column and construct; nothing here tries to recognise what
 * is dangerous, and nothing here reads text by counting quotes.
 *
 * <p>The vocabulary: imports of {@code io.claimtrack.facts.*} and {@code java.util.List/Collection/Set};
 * patterns over fact-model types (and accumulate results as List, Collection, Set, Number, Long, Integer,
 * Double); constraints of Java operators, {@code in}, {@code matches}, {@code contains}, {@code excludes},
 * {@code memberOf} over bound variables, fact-model properties and methods, enum constants and literals;
 * {@code not}, {@code exists}, {@code forall}, {@code or}; {@code accumulate} with built-in functions,
 * {@code collect}, and {@code from} over an expression of the same vocabulary; rule attributes
 * {@code salience} (a number) and {@code no-loop}; consequences made only of {@code insertLogical(new T(...));}
 * with T one of the derived types, whose arguments use the same vocabulary, {@link io.claimtrack.facts.Describe}
 * and {@code drools.getRule().getName()}. Rule and query names are plain words and punctuation.
 *
 * <p>The compiled classes are checked once more by {@link io.claimtrack.rules.CompiledClassCheck}, so a
 * hole here is still caught before anything runs.
 */
public final class SafetyPolicy {

    static final String FACTS_PACKAGE = RuleVocabulary.FACTS_PACKAGE;
    static final String RULES_PACKAGE = RuleVocabulary.RULES_PACKAGE;
    private static final Set<String> RULE_ATTRIBUTES = Set.of("salience", "no-loop");
    /** Letters, digits, spaces and sentence punctuation: no quotes, backslashes, braces or comment markers. */
    private static final Pattern RULE_NAME = Pattern.compile("[\\p{L}\\p{N} '.,:;!?()\\-_/%&+=<>#\\[\\]]{1,200}");

    private final SyntaxAllowList syntax = new SyntaxAllowList();

    /** @return every violation in one file; empty when the file may be compiled */
    public List<RuleProblem> check(String file, String drl) {
        List<RuleProblem> problems = new ArrayList<>();
        int escape = drl.toLowerCase(Locale.ROOT).indexOf("\\u");
        if (escape >= 0) {
            // Java reads unicode escapes before anything else, even inside strings: they could hide any code.
            problems.add(problem(file, Position.in(drl, escape), "unicode escape (\\u)",
                    "unicode escapes are not allowed anywhere in a rule file"));
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            problems.add(new RuleProblem(file, Math.max(e.getLineNumber(), 0), e.getColumn(),
                    RuleProblem.Severity.ERROR, e.getMessage()));
            return problems;
        } catch (StackOverflowError e) {
            problems.add(problem(file, Position.UNKNOWN, "nesting", "the file is nested too deeply to read"));
            return problems;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                problems.add(syntax(file, error));
            }
            return problems;
        }
        checkPackage(file, pkg, problems);
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(file, drl, rule, problems);
        }
        return problems;
    }

    private void checkPackage(String file, PackageDescr pkg, List<RuleProblem> problems) {
        if (pkg.getName() == null || !(pkg.getName().equals(RULES_PACKAGE) || pkg.getName().startsWith(RULES_PACKAGE + "."))) {
            problems.add(problem(file, Position.at(1), "package " + pkg.getName(), "rule files belong to package " + RULES_PACKAGE));
        }
        for (ImportDescr imported : pkg.getImports()) {
            String target = imported.getTarget();
            boolean allowed = RuleVocabulary.IMPORTS.contains(target) || target.equals(FACTS_PACKAGE + ".*")
                    || (target.startsWith(FACTS_PACKAGE + ".")
                        && RuleVocabulary.CLASS_NAMES.contains(target.substring(FACTS_PACKAGE.length() + 1)));
            if (!allowed) {
                problems.add(problem(file, Position.of(imported), "import " + target,
                        "only the fact model (" + FACTS_PACKAGE + ".*) and java.util.List/Collection/Set may be imported"));
            }
        }
        pkg.getFunctionImports().forEach(f -> problems.add(problem(file, Position.of(f), "import function " + f.getTarget(),
                "functions are not part of the rule vocabulary")));
        pkg.getAccumulateImports().forEach(a -> problems.add(problem(file, Position.of(a), "import accumulate",
                "custom accumulate functions are not allowed")));
        pkg.getGlobals().forEach(g -> problems.add(problem(file, Position.of(g), "global " + g.getIdentifier(),
                "globals are not allowed: rules may only see facts")));
        pkg.getFunctions().forEach(f -> problems.add(problem(file, Position.of(f), "function " + f.getName(),
                "functions are not allowed: they are arbitrary Java")));
        pkg.getTypeDeclarations().forEach(t -> problems.add(problem(file, Position.of(t), "declare " + t.getTypeName(),
                "declare is not allowed: the fact model is fixed")));
        pkg.getEnumDeclarations().forEach(t -> problems.add(problem(file, Position.of(t), "declare enum " + t.getTypeName(),
                "declare is not allowed: the fact model is fixed")));
        pkg.getEntryPointDeclarations().forEach(e -> problems.add(problem(file, Position.of(e), "entry point",
                "entry points are not allowed")));
        pkg.getWindowDeclarations().forEach(w -> problems.add(problem(file, Position.of(w), "window", "windows are not allowed")));
        for (AttributeDescr attribute : pkg.getAttributes()) {
            problems.add(problem(file, Position.of(attribute), attribute.getName() + " " + attribute.getValue(),
                    "package attributes are not allowed (the dialect is java)"));
        }
    }

    private void checkRule(String file, String drl, RuleDescr rule, List<RuleProblem> problems) {
        String what = (rule.isQuery() ? "query \"" : "rule \"") + abbreviate(rule.getName()) + "\"";
        if (rule.getName() == null || !RULE_NAME.matcher(rule.getName()).matches()) {
            problems.add(problem(file, Position.of(rule), what, "a name is 1 to 200 letters, digits, spaces and "
                    + "punctuation, without quotes, backslashes, braces, '$', '@' or '*'"));
        }
        if (!rule.getAnnotations().isEmpty()) {
            problems.add(problem(file, Position.of(rule), what + ": @" + rule.getAnnotationNames().iterator().next(),
                    "annotations are not allowed: Drools evaluates their values as code"));
        }
        for (Map.Entry<String, AttributeDescr> attribute : rule.getAttributes().entrySet()) {
            String name = attribute.getKey();
            String value = attribute.getValue().getValue();
            if (!RULE_ATTRIBUTES.contains(name)) {
                problems.add(problem(file, Position.of(attribute.getValue()), what + ": " + name + " " + value,
                        "rule attributes other than salience and no-loop are not allowed"
                                + ("dialect".equals(name) ? " (the dialect is java; mvel is not allowed)" : "")));
            } else if ("salience".equals(name) && !value.strip().matches("-?\\d{1,6}")) {
                problems.add(problem(file, Position.of(attribute.getValue()), what + ": salience " + value,
                        "salience must be a number"));
            }
        }
        if (rule instanceof QueryDescr query && query.getParameters() != null && query.getParameters().length > 0) {
            problems.add(problem(file, Position.of(rule), what + ": parameters", "queries take no parameters"));
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            problems.add(problem(file, Position.of(rule), what + ": named consequence "
                    + rule.getNamedConsequences().keySet().iterator().next(), "a rule has one consequence"));
        }
        checkConditions(file, drl, what, rule.getLhs(), problems);
        if (rule.isQuery()) {
            return;
        }
        String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        Position start = consequenceStart(drl, rule, consequence);
        syntax.checkConsequence(consequence).ifPresent(v -> problems.add(problem(file, start.plus(v), what + ": "
                + v.construct(), v.why())));
    }

    /**
     * Where the consequence text starts in the file. Drools gives the line of "then" and trims the text,
     * so the text is looked up in the file, from the rule's own line on.
     */
    private static Position consequenceStart(String drl, RuleDescr rule, String consequence) {
        String text = consequence.strip();
        int ruleStart = rule.getStartCharacter() >= 0 ? rule.getStartCharacter() : 0;
        int thenAt = drl.indexOf("then", ruleStart);
        int at = text.isEmpty() ? -1 : drl.indexOf(text.lines().findFirst().orElse(text), Math.max(thenAt, 0));
        return at < 0 ? Position.at(rule.getConsequenceLine()) : Position.in(drl, at);
    }

    private void checkConditions(String file, String drl, String what, BaseDescr descr, List<RuleProblem> problems) {
        if (descr == null) {
            return;
        }
        if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            for (BaseDescr child : ((ConditionalElementDescr) descr).getDescrs()) {
                checkConditions(file, drl, what, child, problems);
            }
        } else if (descr instanceof PatternDescr pattern) {
            checkPattern(file, drl, what, pattern, problems);
        } else if (descr instanceof EvalDescr eval) {
            problems.add(problem(file, Position.of(eval), what + ": eval", "eval is not allowed: it runs arbitrary code"));
        } else {
            problems.add(problem(file, Position.of(descr), what + ": " + descr.getClass().getSimpleName()
                    .replace("Descr", "").toLowerCase(Locale.ROOT), "this construct is not allowed in conditions"));
        }
    }

    private void checkPattern(String file, String drl, String what, PatternDescr pattern, List<RuleProblem> problems) {
        String type = pattern.getObjectType();
        String simple = type.startsWith(FACTS_PACKAGE + ".") ? type.substring(FACTS_PACKAGE.length() + 1) : type;
        if (!RuleVocabulary.CLASS_NAMES.contains(simple) && !RuleVocabulary.VALUE_TYPES.contains(simple)) {
            problems.add(problem(file, Position.of(pattern), what + ": pattern " + type,
                    "patterns may only match fact-model types"));
        }
        if (!pattern.getAnnotations().isEmpty() || !pattern.getBehaviors().isEmpty() || pattern.isQuery()
                || pattern.isUnification()) {
            problems.add(problem(file, Position.of(pattern), what + ": pattern " + type + " with annotations, windows "
                    + "or query calls", "patterns are a type and constraints"));
        }
        checkConstraints(file, drl, what, (BaseDescr) pattern.getConstraint(), Position.of(pattern), problems);
        PatternSourceDescr source = pattern.getSource();
        if (source == null) {
            return;
        }
        if (source instanceof AccumulateDescr accumulate) {
            if (!accumulate.isExternalFunction()) {
                problems.add(problem(file, Position.of(accumulate), what + ": accumulate with init/action/result code",
                        "only built-in accumulate functions are allowed: " + RuleVocabulary.ACCUMULATE_FUNCTIONS));
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
                if (!RuleVocabulary.ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                    problems.add(problem(file, Position.of(accumulate), what + ": accumulate function " + function.getFunction(),
                            "only built-in accumulate functions are allowed: " + RuleVocabulary.ACCUMULATE_FUNCTIONS));
                }
                for (String param : function.getParams()) {
                    checkExpression(file, what + ": accumulate", param, Position.of(accumulate), problems);
                }
            }
            checkConditions(file, drl, what, accumulate.getInput(), problems);
        } else if (source instanceof CollectDescr collect) {
            checkConditions(file, drl, what, collect.getInputPattern(), problems);
        } else if (source instanceof FromDescr from) {
            String expression = from.getDataSource() == null ? "" : from.getDataSource().toString();
            checkExpression(file, what + ": from", expression, from.getLine() > 0 ? Position.of(from) : Position.of(pattern),
                    problems);
        } else {
            problems.add(problem(file, Position.of(source), what + ": " + source.getClass().getSimpleName()
                    .replace("Descr", "").toLowerCase(Locale.ROOT), "this pattern source is not allowed"));
        }
    }

    private void checkConstraints(String file, String drl, String what, BaseDescr constraint, Position pattern,
                                  List<RuleProblem> problems) {
        if (constraint == null) {
            return;
        }
        if (constraint instanceof ConditionalElementDescr group) {
            for (BaseDescr child : group.getDescrs()) {
                checkConstraints(file, drl, what, child, pattern, problems);
            }
        } else if (constraint instanceof ExprConstraintDescr expr) {
            checkExpression(file, what, expr.getExpression(), Position.of(drl, expr, pattern), problems);
            unindexableJoin(file, what, expr.getExpression(), Position.of(drl, expr, pattern), problems);
        } else if (constraint instanceof BindingDescr binding) {
            checkExpression(file, what, binding.getExpression(), Position.of(drl, binding, pattern), problems);
        } else {
            problems.add(problem(file, pattern, what + ": constraint " + constraint.getText(), "this constraint is not allowed"));
        }
    }

    private void checkExpression(String file, String what, String expression, Position start, List<RuleProblem> problems) {
        if (expression == null || expression.isBlank()) {
            return;
        }
        syntax.checkConstraint(expression).ifPresent(v -> problems.add(problem(file, start.plus(v), what + ": "
                + v.construct(), v.why())));
    }

    /**
     * A warning, not a refusal: Drools indexes a join on a bound variable ({@code retracts == $claimId}) but
     * not on a property read through one ({@code retracts == $claim.id}), which it checks fact by fact, a
     * scan of every fact of the type for every match. The rewrite is said with the warning.
     */
    private static void unindexableJoin(String file, String what, String expression, Position at,
                                        List<RuleProblem> problems) {
        for (String part : expression.split("&&|,")) {
            Matcher join = PROPERTY_OF_VARIABLE_JOIN.matcher(part.strip());
            if (join.matches()) {
                String field = join.group(1);
                String variable = join.group(2);
                String property = join.group(3);
                String bound = variable + Character.toUpperCase(property.charAt(0)) + property.substring(1);
                problems.add(new RuleProblem(file, at.line, at.column, RuleProblem.Severity.WARNING,
                        what + ": \"" + part.strip() + "\" joins on a property of " + variable + ", which Drools cannot"
                        + " index (every fact is checked for every match); bind it where " + variable + " is matched ("
                        + bound + " : " + property + ") and write \"" + field + " == " + bound + "\""));
            }
        }
    }

    /** {@code field == $variable.property}: an equality join on a property read through a bound variable. */
    private static final Pattern PROPERTY_OF_VARIABLE_JOIN =
            Pattern.compile("([A-Za-z_][\\w.]*)\\s*==\\s*(\\$\\w+)\\.([A-Za-z_]\\w*)");

    private static RuleProblem syntax(String file, DroolsError error) {
        String message = error.getMessage() == null ? "syntax error" : error.getMessage().strip();
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 0;
        return RuleProblem.at(file, line, 0, RuleProblem.Severity.ERROR, message);
    }

    private static RuleProblem problem(String file, Position at, String construct, String why) {
        return new RuleProblem(file, at.line, at.column, RuleProblem.Severity.ERROR,
                "not allowed: " + construct + " — " + why);
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }

    /** A place in the rule file: line and column from 1, 0 when unknown. */
    private record Position(int line, int column) {

        static final Position UNKNOWN = new Position(0, 0);

        static Position in(String text, int offset) {
            int lineStart = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
            return new Position(lineAt(text, offset), offset - lineStart + 1);
        }

        static Position at(int line) {
            return new Position(Math.max(line, 0), 0);
        }

        static Position of(BaseDescr descr) {
            return new Position(Math.max(descr.getLine(), 0), descr.getColumn() >= 0 && descr.getLine() > 0 ? descr.getColumn() + 1 : 0);
        }

        /** Where a constraint's text starts: from its offset in the file when Drools kept it. */
        static Position of(String drl, BaseDescr descr, Position fallback) {
            if (descr.getStartCharacter() >= 0 && descr.getStartCharacter() < drl.length()) {
                return Position.in(drl, descr.getStartCharacter());
            }
            return descr.getLine() > 0 ? of(descr) : fallback;
        }

        /** A position inside a parsed piece of code, which starts here. */
        Position plus(SyntaxAllowList.Violation inside) {
            if (inside.line() <= 1) { // on the first line, columns count from where the code starts
                return new Position(line, column == 0 ? 0 : column + inside.column() - 1);
            }
            return new Position(line + inside.line() - 1, inside.column());
        }

        private static int lineAt(String text, int offset) {
            int line = 1;
            for (int i = 0; i < Math.min(offset, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
