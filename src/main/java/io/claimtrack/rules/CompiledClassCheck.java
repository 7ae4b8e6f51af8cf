package io.claimtrack.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * The second line of defence behind the authoring safety policy: after a ruleset compiles and before any
 * session exists, every class compiled from its Java code (consequences, and the invokers Drools wraps
 * around them and around accumulate expressions) is read, and each class and member its constant pool
 * names must be on the list below. If the source-level policy ever lets something through, the bytecode
 * still cannot name {@code Runtime}, {@code System}, files, sockets, threads or reflection without being
 * refused here.
 *
 * <p>What this does not see: constraints in the classic engine are MVEL expressions interpreted at run
 * time, not classes; only the source-level policy guards them.
 */
public final class CompiledClassCheck {

    private static final List<String> OWN_PACKAGES = List.of("io/claimtrack/facts/", "io/claimtrack/policy/");
    /** Classes any reference may name: values, exceptions a consequence method declares, string concatenation. */
    private static final Set<String> VALUE_CLASSES = Set.of("java/lang/Object", "java/lang/String",
            "java/lang/StringBuilder", "java/lang/CharSequence", "java/lang/Boolean", "java/lang/Integer",
            "java/lang/Long", "java/lang/Double", "java/lang/Number", "java/lang/Character", "java/lang/Comparable",
            "java/lang/Exception", "java/lang/Throwable", "java/lang/Enum", "java/util/Collection", "java/util/List",
            "java/util/Set", "java/util/SortedSet", "java/util/Iterator", "java/time/Instant");
    /**
     * Named only as a type (Drools' invokers compare their own bytecode through {@code getClass()}); no member
     * of it may be used, so no reflection is reachable through it.
     */
    private static final Set<String> TYPE_ONLY = Set.of("java/lang/Class", "java/lang/invoke/CallSite",
            "java/lang/invoke/MethodHandles", "java/lang/invoke/MethodHandles$Lookup", "java/lang/invoke/MethodType");
    /** Members of value classes that read the environment (system properties) or reach reflection. */
    private static final Set<String> VALUE_MEMBERS_REFUSED = Set.of("getInteger", "getLong", "getBoolean", "wait",
            "notify", "notifyAll");
    /** The engine's side of generated code: exactly what Drools' templates call, nothing of the session. */
    private static final Map<String, Set<String>> ENGINE_MEMBERS = Map.ofEntries(
            Map.entry("org/drools/core/rule/consequence/KnowledgeHelper", Set.of("insertLogical", "getRule")),
            Map.entry("org/kie/api/definition/rule/Rule", Set.of("getName")),
            Map.entry("org/drools/base/rule/Declaration", Set.of("getValue", "getIdentifier", "getExtractor",
                    "getPattern", "getValueType", "isInternalFact", "getBooleanValue", "getIntValue", "getLongValue",
                    "getDoubleValue", "getCharValue", "getFloatValue", "getShortValue", "getByteValue")),
            Map.entry("org/drools/base/rule/accessor/CompiledInvoker", Set.of("getMethodBytecode")),
            Map.entry("org/drools/base/rule/consequence/Consequence", Set.of("evaluate")),
            Map.entry("org/drools/base/rule/consequence/ConsequenceContext", Set.of("getTuple", "getRequiredDeclarations")),
            Map.entry("org/drools/core/reteoo/Tuple", Set.of("get", "getObject", "getFactHandle")),
            Map.entry("org/drools/base/reteoo/BaseTuple", Set.of("get", "getObject", "getFactHandle")),
            Map.entry("org/kie/api/runtime/rule/FactHandle", Set.of("getObject")),
            Map.entry("org/drools/mvel/asm/ConsequenceGenerator", Set.of("generate")),
            Map.entry("org/drools/mvel/asm/MethodComparator", Set.of("compareBytecode", "getMethodBytecode")),
            Map.entry("org/drools/mvel/field/FieldFactory", Set.of("getFieldValue", "getInstance")),
            Map.entry("java/lang/invoke/StringConcatFactory", Set.of("makeConcatWithConstants")),
            Map.entry("java/lang/Object", Set.of("<init>", "getClass", "equals", "hashCode", "toString")));
    /** Engine types generated code may name without calling anything of theirs. */
    private static final Set<String> ENGINE_TYPES = Set.of("org/drools/base/base/ValueResolver",
            "org/drools/base/rule/accessor/FieldValue", "org/drools/base/rule/accessor/ReturnValueExpression",
            "org/drools/mvel/asm/ConsequenceStub");

    /** @return one problem per compiled class that names something outside the lists; empty when all are clean */
    public List<RuleProblem> check(KieBase kieBase) {
        List<RuleProblem> problems = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            if (!(pkg instanceof InternalKnowledgePackage internal)
                    || !(internal.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData java)) {
                continue;
            }
            for (Map.Entry<String, byte[]> compiled : java.getStore().entrySet()) {
                List<String> refused = refused(ClassReferences.read(compiled.getValue()));
                if (!refused.isEmpty()) {
                    problems.add(new RuleProblem("", 0, 0, RuleProblem.Severity.ERROR, "not allowed: the compiled code of rule \""
                            + ruleOf(compiled.getKey()) + "\" refers to " + String.join(", ", refused.subList(0, Math.min(8, refused.size())))
                            + (refused.size() > 8 ? " and " + (refused.size() - 8) + " more" : "")
                            + " — rules may only use the fact model"));
                }
            }
        }
        return problems;
    }

    /** Every class and member outside the lists, in source terms ({@code java.lang.Runtime.exec}). */
    static List<String> refused(ClassReferences references) {
        List<String> refused = new ArrayList<>();
        references.classes().stream().filter(type -> !typeAllowed(type)).map(type -> type.replace('/', '.'))
                .forEach(refused::add);
        references.members().stream().filter(member -> !memberAllowed(member)).map(Object::toString).distinct()
                .forEach(refused::add);
        return refused;
    }

    private static boolean typeAllowed(String type) {
        return own(type) || VALUE_CLASSES.contains(type) || TYPE_ONLY.contains(type) || ENGINE_TYPES.contains(type)
                || ENGINE_MEMBERS.containsKey(type);
    }

    private static boolean memberAllowed(ClassReferences.Member member) {
        if (own(member.owner())) {
            return !member.name().equals("getClass");
        }
        Set<String> engine = ENGINE_MEMBERS.get(member.owner());
        if (engine != null) {
            return engine.contains(member.name());
        }
        return VALUE_CLASSES.contains(member.owner()) && !member.owner().equals("java/lang/Object")
                && !VALUE_MEMBERS_REFUSED.contains(member.name());
    }

    /** The fact model, and the classes compiled from the ruleset itself (checked on their own). */
    private static boolean own(String type) {
        return OWN_PACKAGES.stream().anyMatch(type::startsWith);
    }

    /** Drools names a rule's classes Rule_&lt;name&gt;&lt;hash&gt;...: enough to tell the analyst where to look. */
    private static String ruleOf(String classFile) {
        String simple = classFile.substring(classFile.lastIndexOf('/') + 1).replace(".class", "");
        if (!simple.startsWith("Rule_")) {
            return simple;
        }
        String name = simple.substring(5).replaceAll("\\d+(\\w*Invoker|\\$\\d+)?$", "").replace('_', ' ');
        // Drools spells characters a class name cannot hold as $u<code>$.
        return java.util.regex.Pattern.compile("\\$u(\\d+)\\$").matcher(name)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1)))));
    }
}
