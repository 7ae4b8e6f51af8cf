package io.claimtrack.authoring;

import java.util.List;
import java.util.Optional;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.Providers;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;

import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.ParseStart;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

/**
 * Decides on syntax trees, never on text: a constraint is parsed with Drools' own constraint grammar
 * (DRLX, JavaParser extended with {@code in}, {@code matches}, bindings), a consequence with JavaParser at
 * the Java 17 level the rule compiler reads it at. Every node must be of a kind named here, and every name
 * it uses must be in the {@link RuleVocabulary}; anything else, and anything that does not parse, is a
 * {@link Violation}. Text blocks, casts, lambdas, method references, arrays, {@code var}, switch
 * expressions, assignments, class literals, anonymous and local classes are all refused: none is needed
 * to derive a status, and each is a way to reach past the fact model or to confuse a reader of the text.
 */
final class SyntaxAllowList {

    /** Where the code stands in a rule: a constraint (left-hand side) or a consequence (then ... end). */
    enum Place { CONSTRAINT, CONSEQUENCE }

    /** The first thing refused, at a line and column of the parsed text (1-based). */
    record Violation(int line, int column, String construct, String why) {
    }

    /** A refused node, and the name it uses: the DRLX parser keeps no positions, so the name is looked up in the text. */
    private record Found(Node node, String construct, String why) {
    }

    private static final ParserConfiguration JAVA_17 = new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
    private static final ParseStart<DrlxExpression> CONSTRAINT_GRAMMAR =
            DrlxParser.buildDrlxParserWithArguments(List.of());
    /** Deeper than any readable rule; deeper trees are refused before they can exhaust a stack. */
    static final int MAX_DEPTH = 64;
    private static final String VOCABULARY = "the fact model, bound variables, Describe and literals";

    /** A constraint, a binding, an accumulate argument or the source of {@code from}. */
    Optional<Violation> checkConstraint(String text) {
        Optional<Violation> tooDeep = nesting(text);
        if (tooDeep.isPresent()) {
            return tooDeep;
        }
        DrlxExpression parsed;
        try {
            parsed = DrlxParser.parseExpression(CONSTRAINT_GRAMMAR, text);
        } catch (RuntimeException e) { // the DRLX parser throws its own ParseProblemException
            return Optional.of(new Violation(1, 1, "unparsable constraint", firstLine(e.getMessage())));
        }
        try {
            expression(parsed.getExpr(), Place.CONSTRAINT, 0);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(located(refused.found, text));
        }
    }

    /**
     * A consequence: only {@code insertLogical(new T(...));} statements, T a derived fact type. The text is
     * parsed inside braces on lines of their own, so positions in it are the consequence's own lines.
     */
    Optional<Violation> checkConsequence(String text) {
        Optional<Violation> tooDeep = nesting(text);
        if (tooDeep.isPresent()) {
            return tooDeep;
        }
        ParseResult<BlockStmt> result = new JavaParser(JAVA_17)
                .parse(com.github.javaparser.ParseStart.BLOCK, Providers.provider("{\n" + text + "\n}"));
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            Problem problem = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
            Position at = problem == null ? null : problem.getLocation()
                    .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin).orElse(null);
            return Optional.of(new Violation(at == null ? 1 : Math.max(1, at.line - 1), at == null ? 1 : at.column,
                    "code that is not plain Java", problem == null ? "it does not parse" : firstLine(problem.getMessage())));
        }
        try {
            for (Statement statement : result.getResult().get().getStatements()) {
                statement(statement);
            }
            return Optional.empty();
        } catch (Refused refused) {
            Position begin = refused.found.node().getBegin().orElse(new Position(2, 1));
            return Optional.of(new Violation(Math.max(begin.line - 1, 1), Math.max(begin.column, 1),
                    refused.found.construct(), refused.found.why()));
        }
    }

    private void statement(Statement statement) {
        if (statement instanceof EmptyStmt) {
            return;
        }
        if (statement instanceof ExpressionStmt expressionStmt
                && expressionStmt.getExpression() instanceof MethodCallExpr call
                && call.getNameAsString().equals("insertLogical") && call.getScope().isEmpty()
                && call.getTypeArguments().isEmpty() && call.getArguments().size() == 1) {
            if (!(call.getArgument(0) instanceof ObjectCreationExpr creation)) {
                throw refuse(call.getArgument(0), "insertLogical of " + kind(call.getArgument(0)),
                        "insertLogical takes a new derived fact: insertLogical(new T(...))");
            }
            if (creation.getAnonymousClassBody().isPresent()) {
                throw refuse(creation, "anonymous class", "a consequence may not declare classes");
            }
            String type = creation.getType().asString();
            if (!RuleVocabulary.DERIVED_TYPES.contains(type) || creation.getScope().isPresent()
                    || creation.getTypeArguments().isPresent()) {
                throw refuse(creation, "new " + type, "only " + new java.util.TreeSet<>(RuleVocabulary.DERIVED_TYPES)
                        + " may be inserted");
            }
            arguments(creation.getArguments(), Place.CONSEQUENCE, 1);
            return;
        }
        String what = statement instanceof ExpressionStmt e ? kind(e.getExpression()) : kind(statement);
        throw refuse(statement, what, "a consequence may only be insertLogical(new T(...)); with T one of "
                + new java.util.TreeSet<>(RuleVocabulary.DERIVED_TYPES));
    }

    private void expression(Expression e, Place place, int depth) {
        if (depth > MAX_DEPTH) {
            throw refuse(e, "an expression nested deeper than " + MAX_DEPTH, "split it");
        }
        if (e instanceof StringLiteralExpr || e instanceof CharLiteralExpr || e instanceof IntegerLiteralExpr
                || e instanceof LongLiteralExpr || e instanceof DoubleLiteralExpr || e instanceof BooleanLiteralExpr
                || e instanceof NullLiteralExpr) {
            return;
        }
        if (e instanceof NameExpr name) {
            name(name, place);
        } else if (e instanceof FieldAccessExpr access) {
            String member = access.getNameAsString();
            boolean enumConstant = access.getScope() instanceof NameExpr scope
                    && RuleVocabulary.isEnum(scope.getNameAsString()) && RuleVocabulary.ENUM_CONSTANTS.contains(member);
            if (!enumConstant) {
                expression(access.getScope(), place, depth + 1);
            }
            if (!enumConstant && !RuleVocabulary.MEMBERS.contains(member)) {
                throw refuse(access, "." + member, "\"" + member + "\" is outside the rule vocabulary (" + VOCABULARY + ")");
            }
        } else if (e instanceof MethodCallExpr call) {
            call(call, place, depth);
        } else if (e instanceof BinaryExpr binary) {
            expression(binary.getLeft(), place, depth + 1);
            expression(binary.getRight(), place, depth + 1);
        } else if (e instanceof UnaryExpr unary) {
            if (!unary.getOperator().isPrefix() || unary.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                    || unary.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT) {
                throw refuse(unary, unary.getOperator().asString(), "increments and decrements assign: rules only read");
            }
            expression(unary.getExpression(), place, depth + 1);
        } else if (e instanceof EnclosedExpr enclosed) {
            expression(enclosed.getInner(), place, depth + 1);
        } else if (e instanceof ConditionalExpr conditional) {
            expression(conditional.getCondition(), place, depth + 1);
            expression(conditional.getThenExpr(), place, depth + 1);
            expression(conditional.getElseExpr(), place, depth + 1);
        } else if (e instanceof ThisExpr self && place == Place.CONSTRAINT && self.getTypeName().isEmpty()) {
            return;
        } else if (e instanceof DrlxExpression binding && place == Place.CONSTRAINT) {
            expression(binding.getExpr(), place, depth + 1);
        } else if (e instanceof PointFreeExpr operator && place == Place.CONSTRAINT) {
            constraintOperator(operator, operator.getOperator().asString(), operator.getArg1(), operator.getRight(), depth);
            expression(operator.getLeft(), place, depth + 1);
        } else if (e instanceof HalfPointFreeExpr operator && place == Place.CONSTRAINT) {
            constraintOperator(operator, operator.getOperator().asString(), operator.getArg1(), operator.getRight(), depth);
        } else if (e instanceof HalfBinaryExpr half && place == Place.CONSTRAINT) {
            expression(half.getRight(), place, depth + 1);
        } else {
            throw refuse(e, kind(e), "not in the rule vocabulary (" + VOCABULARY + ")");
        }
    }

    private void constraintOperator(Node at, String operator, Expression temporalArgument, NodeList<Expression> right,
                                    int depth) {
        if (!RuleVocabulary.CONSTRAINT_OPERATORS.contains(operator) || temporalArgument != null) {
            throw refuse(at, operator, "constraint operators are Java's and " + RuleVocabulary.CONSTRAINT_OPERATORS);
        }
        arguments(right, Place.CONSTRAINT, depth + 1);
    }

    private void name(NameExpr name, Place place) {
        String id = name.getNameAsString();
        boolean allowed = id.startsWith("$") // a bound variable
                || RuleVocabulary.CLASS_NAMES.contains(id) || RuleVocabulary.VALUE_TYPES.contains(id)
                || (place == Place.CONSTRAINT && RuleVocabulary.MEMBERS.contains(id)); // a property of the pattern's fact
        if (!allowed) {
            throw refuse(name, id, "\"" + id + "\" is outside the rule vocabulary (" + VOCABULARY + ")");
        }
    }

    private void call(MethodCallExpr call, Place place, int depth) {
        String method = call.getNameAsString();
        if (call.getTypeArguments().isPresent()) {
            throw refuse(call, "type arguments", "not in the rule vocabulary");
        }
        if (place == Place.CONSEQUENCE && isRuleName(call)) {
            return;
        }
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            if (place != Place.CONSTRAINT || !RuleVocabulary.MEMBERS.contains(method)) {
                throw refuse(call, method + "(...)", "\"" + method + "\" is outside the rule vocabulary (" + VOCABULARY + ")");
            }
        } else if (scope.get() instanceof NameExpr type && RuleVocabulary.CLASS_NAMES.contains(type.getNameAsString())) {
            if (!type.getNameAsString().equals("Describe") || !RuleVocabulary.DESCRIBE_METHODS.contains(method)) {
                throw refuse(call, type.getNameAsString() + "." + method, "the only static calls are Describe's: "
                        + RuleVocabulary.DESCRIBE_METHODS);
            }
        } else {
            // What the call is made on is checked first: the first name outside the vocabulary is the one to report.
            expression(scope.get(), place, depth + 1);
            if (!RuleVocabulary.MEMBERS.contains(method)) {
                throw refuse(call, "." + method + "(...)", "\"" + method + "\" is outside the rule vocabulary ("
                        + VOCABULARY + ")");
            }
        }
        arguments(call.getArguments(), place, depth + 1);
    }

    /** {@code drools.getRule().getName()}, exactly: the one thing a consequence may ask the engine. */
    private static boolean isRuleName(MethodCallExpr call) {
        return call.getNameAsString().equals("getName") && call.getArguments().isEmpty()
                && call.getScope().orElse(null) instanceof MethodCallExpr getRule
                && getRule.getNameAsString().equals("getRule") && getRule.getArguments().isEmpty()
                && getRule.getScope().orElse(null) instanceof NameExpr drools
                && drools.getNameAsString().equals("drools");
    }

    private void arguments(NodeList<Expression> arguments, Place place, int depth) {
        for (Expression argument : arguments) {
            expression(argument, place, depth);
        }
    }

    /**
     * Brackets nested deeper than any readable rule are refused before any parser sees them: recursive
     * descent parsers would otherwise spend the thread's stack on them.
     */
    private static Optional<Violation> nesting(String text) {
        int depth = 0;
        int line = 1;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
            } else if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return Optional.of(new Violation(line, column, "brackets nested deeper than " + MAX_DEPTH,
                            "split the expression"));
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return Optional.empty();
    }

    /** What a node is, in words an analyst reads: "lambda", "cast", "text block". */
    static String kind(Node node) {
        String simple = node.getClass().getSimpleName();
        return switch (simple) {
            case "TextBlockLiteralExpr" -> "text block";
            case "LambdaExpr" -> "lambda";
            case "MethodReferenceExpr" -> "method reference";
            case "CastExpr", "InlineCastExpr", "FullyQualifiedInlineCastExpr" -> "cast";
            case "ArrayCreationExpr", "ArrayInitializerExpr" -> "array creation";
            case "ArrayAccessExpr" -> "array access";
            case "AssignExpr" -> "assignment";
            case "ClassExpr" -> "class literal";
            case "InstanceOfExpr" -> "instanceof";
            case "SwitchExpr" -> "switch expression";
            case "VariableDeclarationExpr" -> "variable declaration";
            case "ObjectCreationExpr" -> ((ObjectCreationExpr) node).getAnonymousClassBody().isPresent() ? "anonymous class"
                    : "new " + ((ObjectCreationExpr) node).getType().asString();
            case "SuperExpr" -> "super";
            case "ThisExpr" -> "this";
            case "MethodCallExpr" -> call((MethodCallExpr) node);
            case "LocalClassDeclarationStmt", "LocalRecordDeclarationStmt" -> "class declaration";
            case "BlockStmt" -> "block";
            case "ListCreationLiteralExpression", "MapCreationLiteralExpression" -> "inline collection";
            case "OOPathExpr" -> "OOPath";
            case "NullSafeFieldAccessExpr", "NullSafeMethodCallExpr" -> "null-safe access (!.)";
            default -> simple.replaceAll("(Expr|Stmt|Expression|Statement)$", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Refused refuse(Node node, String construct, String why) {
        return new Refused(new Found(node, construct, why));
    }

    /** Where a refused node of a constraint stands: found by the name it uses, else the constraint's start. */
    private static Violation located(Found found, String text) {
        String name = found.node() instanceof NodeWithSimpleName<?> named ? named.getNameAsString() : null;
        int at = name == null ? -1 : indexOfWord(text, name);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.max(at, 0); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Violation(line, at < 0 ? 1 : at - lineStart + 1, found.construct(), found.why());
    }

    private static int indexOfWord(String text, String word) {
        int at = text.indexOf(word);
        while (at >= 0) {
            boolean startsWord = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
            int end = at + word.length();
            boolean endsWord = end >= text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
            if (startsWord && endsWord) {
                return at;
            }
            at = text.indexOf(word, at + 1);
        }
        return -1;
    }

    /** A call in words, without printing the node (DRLX nodes cannot be printed by JavaParser's printer). */
    private static String call(MethodCallExpr call) {
        String scope = call.getScope().map(s -> s instanceof NameExpr name ? name.getNameAsString() + "."
                : s instanceof ObjectCreationExpr || s instanceof MethodCallExpr ? kind(s) + "." : "...").orElse("");
        return scope + call.getNameAsString() + "(...)";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "it does not parse";
        }
        String first = message.strip().lines().findFirst().orElse("it does not parse");
        return first.length() > 200 ? first.substring(0, 197) + "..." : first;
    }

    /** Unwinds the walk at the first node refused. */
    private static final class Refused extends RuntimeException {
        final transient Found found;

        Refused(Found found) {
            super(found.construct(), null, false, false);
            this.found = found;
        }
    }
}
