package io.claimtrack.authoring;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.Claim;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.CountedDispute;
import io.claimtrack.facts.CountedSupport;
import io.claimtrack.facts.Describe;
import io.claimtrack.facts.Flag;
import io.claimtrack.facts.FlagRaised;
import io.claimtrack.facts.Now;
import io.claimtrack.facts.Status;
import io.claimtrack.facts.StatusCandidate;
import io.claimtrack.facts.Verdict;
import io.claimtrack.rules.RuleProblem;

/**
 * Rules are code, and an analyst is not an administrator. Before a draft is compiled, each file is
 * parsed into Drools' descriptor tree and checked against an allow-list: the fact model may be read,
 * statuses and flags may be derived, and nothing else may be touched. Anything outside the list is
 * rejected with its file, line and construct; nothing here tries to recognise what is dangerous.
 *
 * <p>The vocabulary: imports of {@code io.claimtrack.facts.*} and {@code java.util.List/Collection/Set};
 * patterns over fact-model types; accumulate with built-in functions; {@code from} over a bound fact's
 * collection; rule attributes {@code salience} (a number) and {@code no-loop}; consequences made only of
 * {@code insertLogical(new T(...));} with T one of the derived types, whose arguments use bound
 * variables, fact-model methods, {@link Describe}, literals and {@code drools.getRule().getName()}.
 */
public final class SafetyPolicy {

    static final String FACTS_PACKAGE = "io.claimtrack.facts";
    static final String RULES_PACKAGE = "io.claimtrack.policy";

    private static final List<Class<?>> FACT_MODEL = List.of(Actor.class, ActorKind.class, Claim.class,
            ClaimStatus.class, CountedDispute.class, CountedSupport.class, Describe.class, Flag.class,
            FlagRaised.class, Now.class, Status.class, StatusCandidate.class, Verdict.class);
    private static final Set<String> DERIVED_TYPES =
            Set.of("StatusCandidate", "Status", "FlagRaised", "CountedDispute", "CountedSupport");
    /** What accumulate results are matched as. */
    private static final Set<String> COLLECTION_TYPES = Set.of("List", "Collection", "Set", "Number", "Long",
            "Integer", "Double");
    private static final Set<String> ALLOWED_IMPORTS = Set.of("java.util.List", "java.util.Collection", "java.util.Set");
    private static final Set<String> ACCUMULATE_FUNCTIONS =
            Set.of("collectList", "collectSet", "count", "min", "max", "sum", "average");
    private static final Set<String> RULE_ATTRIBUTES = Set.of("salience", "no-loop");
    private static final Set<String> KEYWORDS = Set.of("null", "true", "false", "this", "in", "not", "matches",
            "contains", "memberOf", "soundslike", "str", "excludes", "new");
    /** Read-only members of what a rule binds from accumulate and of blocs. */
    private static final Set<String> COLLECTION_MEMBERS = Set.of("size", "isEmpty", "empty", "contains",
            "intValue", "longValue", "doubleValue");

    private static final Set<String> CLASS_NAMES = new TreeSet<>();
    private static final Set<String> MEMBERS = new TreeSet<>();
    private static final Set<String> ENUM_CONSTANTS = new TreeSet<>();

    static {
        for (Class<?> type : FACT_MODEL) {
            CLASS_NAMES.add(type.getSimpleName());
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    MEMBERS.add(method.getName());
                    String property = property(method.getName());
                    if (property != null) {
                        MEMBERS.add(property);
                    }
                }
            }
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    ENUM_CONSTANTS.add(((Enum<?>) constant).name());
                }
            }
        }
        // Enums bring valueOf/values/name/ordinal: harmless, but not part of the vocabulary.
        MEMBERS.removeAll(Set.of("valueOf", "values", "equals", "hashCode", "toString", "compareTo"));
        MEMBERS.addAll(COLLECTION_MEMBERS);
    }

    private static final Pattern IDENTIFIER = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STATEMENT = Pattern.compile(
            "insertLogical\\s*\\(\\s*new\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*\\)", Pattern.DOTALL);
    private static final Pattern FROM_SOURCE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("[Ll]ine (\\d+):(\\d+)");

    /** @return every violation in one file; empty when the file may be compiled */
    public List<RuleProblem> check(String file, String drl) {
        List<RuleProblem> problems = new ArrayList<>();
        if (Pattern.compile("\\\\u", Pattern.CASE_INSENSITIVE).matcher(drl).find()) {
            // Java reads unicode escapes before anything else, even inside strings: they could hide any code.
            problems.add(problem(file, lineOf(drl, drl.toLowerCase(Locale.ROOT).indexOf("\\u")), "unicode escape (\\u)",
                    "unicode escapes are not allowed anywhere in a rule file"));
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            problems.add(problem(file, e.getLineNumber(), "syntax", e.getMessage()));
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
            problems.add(problem(file, 1, "package " + pkg.getName(), "rule files belong to package " + RULES_PACKAGE));
        }
        for (ImportDescr imported : pkg.getImports()) {
            String target = imported.getTarget();
            boolean allowed = ALLOWED_IMPORTS.contains(target) || target.equals(FACTS_PACKAGE + ".*")
                    || (target.startsWith(FACTS_PACKAGE + ".") && CLASS_NAMES.contains(target.substring(FACTS_PACKAGE.length() + 1)));
            if (!allowed) {
                problems.add(problem(file, imported.getLine(), "import " + target,
                        "only the fact model (" + FACTS_PACKAGE + ".*) and java.util.List/Collection/Set may be imported"));
            }
        }
        pkg.getFunctionImports().forEach(f -> problems.add(problem(file, f.getLine(), "import function " + f.getTarget(),
                "functions are not part of the rule vocabulary")));
        pkg.getAccumulateImports().forEach(a -> problems.add(problem(file, a.getLine(), "import accumulate",
                "custom accumulate functions are not allowed")));
        pkg.getGlobals().forEach(g -> problems.add(problem(file, g.getLine(), "global " + g.getIdentifier(),
                "globals are not allowed: rules may only see facts")));
        pkg.getFunctions().forEach(f -> problems.add(problem(file, f.getLine(), "function " + f.getName(),
                "functions are not allowed: they are arbitrary Java")));
        pkg.getTypeDeclarations().forEach(t -> problems.add(problem(file, t.getLine(), "declare " + t.getTypeName(),
                "declare is not allowed: the fact model is fixed")));
        pkg.getEnumDeclarations().forEach(t -> problems.add(problem(file, t.getLine(), "declare enum " + t.getTypeName(),
                "declare is not allowed: the fact model is fixed")));
        pkg.getEntryPointDeclarations().forEach(e -> problems.add(problem(file, e.getLine(), "entry point",
                "entry points are not allowed")));
        pkg.getWindowDeclarations().forEach(w -> problems.add(problem(file, w.getLine(), "window", "windows are not allowed")));
        for (AttributeDescr attribute : pkg.getAttributes()) {
            problems.add(problem(file, attribute.getLine(), attribute.getName() + " " + attribute.getValue(),
                    "package attributes are not allowed (the dialect is java)"));
        }
    }

    private void checkRule(String file, String drl, RuleDescr rule, List<RuleProblem> problems) {
        String what = (rule.isQuery() ? "query \"" : "rule \"") + rule.getName() + "\"";
        for (Map.Entry<String, AttributeDescr> attribute : rule.getAttributes().entrySet()) {
            String name = attribute.getKey();
            String value = attribute.getValue().getValue();
            if (!RULE_ATTRIBUTES.contains(name)) {
                problems.add(problem(file, attribute.getValue().getLine(), what + ": " + name + " " + value,
                        "rule attributes other than salience and no-loop are not allowed"
                                + ("dialect".equals(name) ? " (the dialect is java; mvel is not allowed)" : "")));
            } else if ("salience".equals(name) && !value.strip().matches("-?\\d{1,6}")) {
                problems.add(problem(file, attribute.getValue().getLine(), what + ": salience " + value,
                        "salience must be a number"));
            }
        }
        checkConditions(file, what, rule.getLhs(), problems);
        if (rule.isQuery()) {
            return;
        }
        String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        checkConsequence(file, what, consequence, consequenceLine(drl, rule, consequence), problems);
    }

    /**
     * The line the consequence text starts on. Drools gives the line of "then" and trims the text, so
     * the text is looked up in the file, from the rule's own line on.
     */
    private static int consequenceLine(String drl, RuleDescr rule, String consequence) {
        String text = consequence.strip();
        if (text.isEmpty()) {
            return rule.getConsequenceLine();
        }
        int ruleStart = 0;
        for (int line = 1; line < rule.getLine() && ruleStart >= 0; line++) {
            ruleStart = drl.indexOf('\n', ruleStart) + 1;
        }
        int thenAt = drl.indexOf("then", Math.max(ruleStart, 0));
        int at = drl.indexOf(text.lines().findFirst().orElse(text), Math.max(thenAt, 0));
        return at < 0 ? rule.getConsequenceLine() : lineOf(drl, at);
    }

    private void checkConditions(String file, String what, BaseDescr descr, List<RuleProblem> problems) {
        if (descr == null) {
            return;
        }
        if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            for (BaseDescr child : ((ConditionalElementDescr) descr).getDescrs()) {
                checkConditions(file, what, child, problems);
            }
        } else if (descr instanceof PatternDescr pattern) {
            checkPattern(file, what, pattern, problems);
        } else if (descr instanceof EvalDescr eval) {
            problems.add(problem(file, eval.getLine(), what + ": eval", "eval is not allowed: it runs arbitrary code"));
        } else {
            problems.add(problem(file, descr.getLine(), what + ": " + descr.getClass().getSimpleName()
                    .replace("Descr", "").toLowerCase(Locale.ROOT), "this construct is not allowed in conditions"));
        }
    }

    private void checkPattern(String file, String what, PatternDescr pattern, List<RuleProblem> problems) {
        String type = pattern.getObjectType();
        String simple = type.startsWith(FACTS_PACKAGE + ".") ? type.substring(FACTS_PACKAGE.length() + 1) : type;
        if (!CLASS_NAMES.contains(simple) && !COLLECTION_TYPES.contains(simple) && !"Object".equals(simple)) {
            problems.add(problem(file, pattern.getLine(), what + ": pattern " + type,
                    "patterns may only match fact-model types"));
        }
        checkConstraints(file, what, (BaseDescr) pattern.getConstraint(), pattern.getLine(), problems);
        PatternSourceDescr source = pattern.getSource();
        if (source == null) {
            return;
        }
        if (source instanceof AccumulateDescr accumulate) {
            if (!accumulate.isExternalFunction()) {
                problems.add(problem(file, accumulate.getLine(), what + ": accumulate with init/action/result code",
                        "only built-in accumulate functions are allowed: " + ACCUMULATE_FUNCTIONS));
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
                if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                    problems.add(problem(file, accumulate.getLine(), what + ": accumulate function " + function.getFunction(),
                            "only built-in accumulate functions are allowed: " + ACCUMULATE_FUNCTIONS));
                }
                for (String param : function.getParams()) {
                    checkExpression(file, what, param, accumulate.getLine(), false, problems);
                }
            }
            checkConditions(file, what, accumulate.getInput(), problems);
        } else if (source instanceof CollectDescr collect) {
            checkConditions(file, what, collect.getInputPattern(), problems);
        } else if (source instanceof FromDescr from) {
            String expression = from.getDataSource() == null ? "" : from.getDataSource().toString().strip();
            if (!FROM_SOURCE.matcher(expression).matches()) {
                problems.add(problem(file, from.getLine(), what + ": from " + expression,
                        "from may only range over a collection of a bound fact, such as $claim.claimant.blocs"));
            } else {
                checkExpression(file, what, expression, from.getLine(), false, problems);
            }
        } else {
            problems.add(problem(file, source.getLine(), what + ": " + source.getClass().getSimpleName()
                    .replace("Descr", "").toLowerCase(Locale.ROOT), "this pattern source is not allowed"));
        }
    }

    private void checkConstraints(String file, String what, BaseDescr constraint, int line, List<RuleProblem> problems) {
        if (constraint == null) {
            return;
        }
        if (constraint instanceof ConditionalElementDescr group) {
            for (BaseDescr child : group.getDescrs()) {
                checkConstraints(file, what, child, line, problems);
            }
        } else if (constraint instanceof ExprConstraintDescr expr) {
            checkExpression(file, what, expr.getExpression(), lineOr(expr.getLine(), line), false, problems);
        } else if (constraint instanceof BindingDescr binding) {
            checkExpression(file, what, binding.getExpression(), lineOr(binding.getLine(), line), false, problems);
        } else {
            problems.add(problem(file, line, what + ": constraint " + constraint.getText(), "this constraint is not allowed"));
        }
    }

    private void checkConsequence(String file, String what, String code, int line, List<RuleProblem> problems) {
        String bare = stripLiteralsAndComments(code);
        for (String forbidden : List.of("{", "}", "->", "::", "@")) {
            if (bare.contains(forbidden)) {
                problems.add(problem(file, line + lineOf(bare, bare.indexOf(forbidden)) - 1, what + ": " + forbidden,
                        "blocks, lambdas and annotations are not allowed in a consequence"));
                return;
            }
        }
        if (Pattern.compile("(?<![=!<>])=(?!=)").matcher(bare).find()) {
            problems.add(problem(file, line, what + ": assignment",
                    "a consequence may only derive facts: insertLogical(new T(...));"));
            return;
        }
        int offset = 0;
        for (String statement : bare.split(";", -1)) {
            String trimmed = statement.strip();
            int statementLine = line + lineOf(bare, offset + statement.indexOf(trimmed.isEmpty() ? "" : trimmed.substring(0, 1))) - 1;
            offset += statement.length() + 1;
            if (trimmed.isEmpty()) {
                continue;
            }
            Matcher insert = STATEMENT.matcher(trimmed);
            if (!insert.matches()) {
                problems.add(problem(file, statementLine, what + ": " + abbreviate(trimmed),
                        "a consequence may only be insertLogical(new T(...)); with T one of " + new TreeSet<>(DERIVED_TYPES)));
                continue;
            }
            if (!DERIVED_TYPES.contains(insert.group(1))) {
                problems.add(problem(file, statementLine, what + ": new " + insert.group(1),
                        "only " + new TreeSet<>(DERIVED_TYPES) + " may be inserted"));
            }
            checkExpression(file, what, insert.group(2), statementLine, true, problems);
        }
    }

    /**
     * Every identifier in an expression must be a bound variable, a keyword, a fact-model class, member
     * or enum constant; in a consequence also {@code drools.getRule().getName()}. A fully qualified name
     * ({@code java.lang.System}) starts with an identifier outside that list and is rejected.
     */
    private void checkExpression(String file, String what, String expression, int line, boolean consequence,
                                 List<RuleProblem> problems) {
        if (expression == null) {
            return;
        }
        String bare = stripLiteralsAndComments(expression);
        if (bare.contains("{") || bare.contains("}") || bare.contains("->") || bare.contains("::")) {
            problems.add(problem(file, line, what + ": " + abbreviate(expression.strip()),
                    "blocks and lambdas are not allowed in expressions"));
            return;
        }
        Matcher identifiers = IDENTIFIER.matcher(bare);
        while (identifiers.find()) {
            String name = identifiers.group();
            int start = identifiers.start();
            if (start > 0 && Character.isDigit(bare.charAt(start - 1))) {
                continue; // part of a number such as 30L or 1e3
            }
            boolean member = precededByDot(bare, start);
            boolean allowed;
            if (member) {
                allowed = MEMBERS.contains(name) || ENUM_CONSTANTS.contains(name);
            } else if (name.startsWith("$")) {
                allowed = true;
            } else if (consequence && "drools".equals(name)) {
                allowed = bare.startsWith("drools.getRule().getName()", start);
            } else {
                allowed = KEYWORDS.contains(name) || CLASS_NAMES.contains(name) || COLLECTION_TYPES.contains(name)
                        || (!consequence && MEMBERS.contains(name));
            }
            if (!allowed) {
                problems.add(problem(file, line + lineOf(bare, start) - 1, what + ": " + name,
                        "\"" + name + "\" is outside the rule vocabulary (the fact model, bound variables, "
                                + "Describe and literals)"));
                return;
            }
        }
    }

    private static boolean precededByDot(String text, int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= 0 && text.charAt(i) == '.' && (i == 0 || text.charAt(i - 1) != '.');
    }

    /** Blanks out string and character literals and comments, keeping positions and line breaks. */
    static String stripLiteralsAndComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                out.append(c);
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != c) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                for (int k = i + 1; k < Math.min(j, code.length()); k++) {
                    out.append(code.charAt(k) == '\n' ? '\n' : ' ');
                }
                if (j < code.length()) {
                    out.append(c);
                }
                i = j + 1;
            } else if (code.startsWith("//", i)) {
                while (i < code.length() && code.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 2;
                for (int k = i; k < end; k++) {
                    out.append(code.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static RuleProblem syntax(String file, DroolsError error) {
        String message = error.getMessage() == null ? "syntax error" : error.getMessage().strip();
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 0;
        int column = 0;
        Matcher at = LINE_AND_COLUMN.matcher(message);
        if (at.find()) {
            line = line > 0 ? line : Integer.parseInt(at.group(1));
            column = Integer.parseInt(at.group(2));
        }
        return new RuleProblem(file, Math.max(line, 0), column, RuleProblem.Severity.ERROR, message);
    }

    private static RuleProblem problem(String file, int line, String construct, String why) {
        return new RuleProblem(file, Math.max(line, 0), 0, RuleProblem.Severity.ERROR,
                "not allowed: " + construct + " — " + why);
    }

    private static int lineOr(int line, int fallback) {
        return line > 0 ? line : fallback;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < Math.max(0, Math.min(index, text.length())); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }

    private static String property(String method) {
        if (method.startsWith("get") && method.length() > 3 && Character.isUpperCase(method.charAt(3))) {
            return Character.toLowerCase(method.charAt(3)) + method.substring(4);
        }
        if (method.startsWith("is") && method.length() > 2 && Character.isUpperCase(method.charAt(2))) {
            return Character.toLowerCase(method.charAt(2)) + method.substring(3);
        }
        return null;
    }
}
