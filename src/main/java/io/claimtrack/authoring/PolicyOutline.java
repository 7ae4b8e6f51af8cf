package io.claimtrack.authoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;

/**
 * A ruleset as the desk reads it, made from its rules as Drools parses them, not written by hand: the status
 * table in precedence order (each row's status, rule and the facts its conditions look at), the flags with
 * theirs, and the rules that derive other facts the rows use. What a row concludes is read from its
 * consequence: the status and precedence of the {@code StatusCandidate} it inserts, the flag of its
 * {@code FlagRaised}.
 */
public final class PolicyOutline {

    /**
     * A row of the status table: {@code status} is null where the rule takes it from a fact (a verdict's).
     * {@code exercisedBy}: the scenarios of the version's last check whose outcome this rule concluded (null when
     * the version was never checked).
     */
    public record StatusRow(int precedence, String status, String rule, String file, List<String> looksAt,
                            List<String> exercisedBy) {
    }

    public record FlagRow(String flag, String rule, String file, List<String> looksAt, List<String> exercisedBy) {
    }

    /** A rule that concludes something else the rows read (counted relations, suggested ratings). */
    public record OtherRule(String rule, String file, List<String> concludes, List<String> looksAt) {
    }

    /** {@code unreadable}: files left out because they do not parse (a draft's validation says why). */
    public record Outline(int version, List<StatusRow> statuses, List<FlagRow> flags, List<OtherRule> others,
                          List<String> unreadable) {
    }

    private PolicyOutline() {
    }

    /** The outline of these files (file name to DRL); files that do not parse are named in {@code unreadable}. */
    public static Outline of(int version, Map<String, String> files) {
        return of(version, files, null);
    }

    /** As {@link #of(int, Map)}, with the scenarios of {@code tests} (a check's) that exercise each row. */
    public static Outline of(int version, Map<String, String> files, TestRun tests) {
        Map<String, List<String>> scenariosByRule = tests == null ? null : new java.util.HashMap<>();
        if (tests != null) {
            for (ScenarioResult result : tests.results()) {
                for (String rule : result.rules() == null ? List.<String>of() : result.rules()) {
                    scenariosByRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(result.name());
                }
            }
        }
        List<StatusRow> statuses = new ArrayList<>();
        List<FlagRow> flags = new ArrayList<>();
        List<OtherRule> others = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            List<StatusRow> fileStatuses = new ArrayList<>();
            List<FlagRow> fileFlags = new ArrayList<>();
            List<OtherRule> fileOthers = new ArrayList<>();
            try {
                DrlParser parser = new DrlParser();
                PackageDescr parsed = parser.parse(false, file.getValue());
                if (parsed == null || parser.hasErrors()) {
                    unreadable.add(file.getKey());
                    continue;
                }
                outline(file.getKey(), parsed, scenariosByRule, fileStatuses, fileFlags, fileOthers);
            } catch (RuntimeException | org.drools.drl.parser.DroolsParserException | StackOverflowError unparsable) {
                // An analyst's draft may be nested deeper than a parser's stack (the validation refuses it as such).
                unreadable.add(file.getKey());
                continue;
            }
            statuses.addAll(fileStatuses);
            flags.addAll(fileFlags);
            others.addAll(fileOthers);
        }
        statuses.sort(Comparator.comparingInt(StatusRow::precedence));
        return new Outline(version, statuses, flags, others, unreadable);
    }

    private static void outline(String file, PackageDescr parsed, Map<String, List<String>> scenariosByRule,
                                List<StatusRow> statuses, List<FlagRow> flags,
                            List<OtherRule> others) {
        for (RuleDescr rule : parsed.getRules()) {
            if (rule.isQuery()) {
                continue;
            }
            List<String> looksAt = new ArrayList<>();
            conditions(rule.getLhs(), "", looksAt);
            List<ObjectCreationExpr> created = creations(rule.getConsequence() == null ? "" : rule.getConsequence().toString());
            boolean placed = false;
            List<String> exercisedBy = scenariosByRule == null ? null : scenariosByRule.getOrDefault(rule.getName(), List.of());
            for (ObjectCreationExpr creation : created) {
                String type = creation.getType().getNameAsString();
                if (type.equals("StatusCandidate") && creation.getArguments().size() > 2) {
                    statuses.add(new StatusRow(precedence(creation.getArgument(2)), constant(creation.getArgument(1)),
                            rule.getName(), file, looksAt, exercisedBy));
                    placed = true;
                } else if (type.equals("FlagRaised") && creation.getArguments().size() > 1) {
                    flags.add(new FlagRow(constant(creation.getArgument(1)), rule.getName(), file, looksAt, exercisedBy));
                    placed = true;
                }
            }
            if (!placed) {
                others.add(new OtherRule(rule.getName(), file,
                        created.stream().map(c -> c.getType().getNameAsString()).distinct().toList(), looksAt));
            }
        }
    }

    /** The objects a consequence creates (what it inserts), read with a Java parser; none if it does not parse. */
    private static List<ObjectCreationExpr> creations(String consequence) {
        try {
            BlockStmt block = StaticJavaParser.parseBlock("{" + consequence + "\n}");
            return block.findAll(ObjectCreationExpr.class);
        } catch (RuntimeException notJava) {
            return List.of();
        }
    }

    private static int precedence(Expression expression) {
        return expression instanceof IntegerLiteralExpr literal ? literal.asNumber().intValue() : Integer.MAX_VALUE;
    }

    /** "ClaimStatus.REFUTED" as REFUTED; anything computed (a verdict's status) as null. */
    private static String constant(Expression expression) {
        return expression instanceof FieldAccessExpr field ? field.getNameAsString() : null;
    }

    /** The rule's conditions, one line each, in words where the construct has some ("no ...", "some ..."). */
    private static void conditions(BaseDescr descr, String prefix, List<String> lines) {
        if (descr instanceof NotDescr not) {
            children(not, prefix + "no ", lines);
        } else if (descr instanceof ExistsDescr exists) {
            children(exists, prefix + "some ", lines);
        } else if (descr instanceof ForallDescr forall) {
            children(forall, prefix + "for all: ", lines);
        } else if (descr instanceof OrDescr or) {
            List<String> alternatives = new ArrayList<>();
            or.getDescrs().forEach(child -> conditions(child, "", alternatives));
            lines.add(prefix + String.join(" or ", alternatives));
        } else if (descr instanceof AndDescr and) {
            if (prefix.isEmpty()) {
                and.getDescrs().forEach(child -> conditions(child, "", lines));
            } else {
                List<String> together = new ArrayList<>();
                and.getDescrs().forEach(child -> conditions(child, "", together));
                lines.add(prefix + String.join(" and ", together));
            }
        } else if (descr instanceof PatternDescr pattern) {
            lines.add(prefix + pattern(pattern));
        }
    }

    private static void children(ConditionalElementDescr element, String prefix, List<String> lines) {
        List<String> inner = new ArrayList<>();
        element.getDescrs().forEach(child -> conditions((BaseDescr) child, "", inner));
        lines.add(prefix + String.join(" and ", inner));
    }

    /** "a CountedDispute where target == $claim, dispute.claimant.neutral", with what it is drawn from. */
    private static String pattern(PatternDescr pattern) {
        List<String> constraints = new ArrayList<>();
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expression) {
                constraints.add(expression.getExpression());
            }
        }
        String type = pattern.getObjectType();
        String text = type.substring(type.lastIndexOf('.') + 1)
                + (pattern.getIdentifier() == null ? "" : " (" + pattern.getIdentifier() + ")")
                + (constraints.isEmpty() ? "" : " where " + String.join(", ", constraints));
        if (pattern.getSource() instanceof AccumulateDescr accumulate) {
            List<String> input = new ArrayList<>();
            conditions(accumulate.getInput(), "", input);
            text += ", gathered from " + String.join(" and ", input);
        }
        return text;
    }
}
