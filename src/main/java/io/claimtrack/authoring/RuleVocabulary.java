package io.claimtrack.authoring;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.claimtrack.facts.Actor;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.facts.Claim;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.CountedDispute;
import io.claimtrack.facts.CountedSupport;
import io.claimtrack.facts.Describe;
import io.claimtrack.facts.Evidence;
import io.claimtrack.facts.EvidenceKind;
import io.claimtrack.facts.Flag;
import io.claimtrack.facts.FlagRaised;
import io.claimtrack.facts.Now;
import io.claimtrack.facts.Review;
import io.claimtrack.facts.ReviewState;
import io.claimtrack.facts.Status;
import io.claimtrack.facts.StatusCandidate;
import io.claimtrack.facts.SuggestedRating;
import io.claimtrack.facts.Verdict;

/**
 * The names a rule may use: the fact model's types, their public methods (and the properties those
 * getters give), their enum constants, Describe's static helpers, and what accumulate results offer.
 * Read from the classes themselves, so the vocabulary grows with the fact model and never beyond it.
 */
final class RuleVocabulary {

    static final String FACTS_PACKAGE = "io.claimtrack.facts";
    static final String RULES_PACKAGE = "io.claimtrack.policy";

    static final List<Class<?>> FACT_MODEL = List.of(Actor.class, ActorKind.class, Claim.class,
            ClaimStatus.class, CountedDispute.class, CountedSupport.class, Describe.class, Evidence.class, EvidenceKind.class,
            Flag.class,
            FlagRaised.class, Now.class, Review.class, ReviewState.class, Status.class, StatusCandidate.class,
            SuggestedRating.class, Verdict.class);
    /** What a consequence may insert. */
    static final Set<String> DERIVED_TYPES = Set.of("StatusCandidate", "Status", "FlagRaised", "CountedDispute",
            "CountedSupport", "SuggestedRating");
    /** Value types a pattern may match besides the fact model: accumulate results and the names in blocs. */
    static final Set<String> VALUE_TYPES = Set.of("List", "Collection", "Set", "Number", "Long",
            "Integer", "Double", "String", "Object");
    static final Set<String> IMPORTS = Set.of("java.util.List", "java.util.Collection", "java.util.Set");
    static final Set<String> ACCUMULATE_FUNCTIONS =
            Set.of("collectList", "collectSet", "count", "min", "max", "sum", "average");
    /** Operators of constraints besides Java's own. */
    static final Set<String> CONSTRAINT_OPERATORS = Set.of("in", "matches", "contains", "excludes", "memberOf");
    /** Read-only members of accumulate results (numbers, lists) and of blocs (sets of names). */
    private static final Set<String> RESULT_MEMBERS = Set.of("size", "isEmpty", "empty", "contains",
            "intValue", "longValue", "doubleValue");
    /** Object's and Enum's members: not part of the vocabulary, and getClass is the door to reflection. */
    private static final Set<String> OBJECT_MEMBERS = Set.of("getClass", "valueOf", "values", "equals", "hashCode",
            "toString", "compareTo", "getDeclaringClass", "describeConstable", "wait", "notify", "notifyAll");

    static final Set<String> CLASS_NAMES = new TreeSet<>();
    /** Methods and the properties their getters give, on instances of the fact model. */
    static final Set<String> MEMBERS = new TreeSet<>();
    static final Set<String> ENUM_CONSTANTS = new TreeSet<>();
    /** Static methods of {@link Describe}: the only static calls a rule makes. */
    static final Set<String> DESCRIBE_METHODS = new TreeSet<>();

    static {
        for (Class<?> type : FACT_MODEL) {
            CLASS_NAMES.add(type.getSimpleName());
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                if (Modifier.isStatic(method.getModifiers())) {
                    if (type == Describe.class) {
                        DESCRIBE_METHODS.add(method.getName());
                    }
                    continue;
                }
                MEMBERS.add(method.getName());
                String property = property(method.getName());
                if (property != null) {
                    MEMBERS.add(property);
                }
            }
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    ENUM_CONSTANTS.add(((Enum<?>) constant).name());
                }
            }
        }
        MEMBERS.removeAll(OBJECT_MEMBERS);
        MEMBERS.addAll(RESULT_MEMBERS);
    }

    static boolean isEnum(String simpleName) {
        return FACT_MODEL.stream().anyMatch(type -> type.isEnum() && type.getSimpleName().equals(simpleName));
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

    private RuleVocabulary() {
    }
}
