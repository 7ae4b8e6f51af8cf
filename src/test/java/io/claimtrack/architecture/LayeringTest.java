package io.claimtrack.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers, checked on the compiled classes: facts ← rules ← evaluation ← stores and services ← the
 * HTTP edge (resources, pages, guards, problem details). An arrow may only point down; HTTP statuses are
 * known only at the edge.
 */
class LayeringTest {

    private static final String ROOT = "io.claimtrack";
    /** Small things anyone may use: refusals in the domain's words, time, the store's health, the desk's rating scale. */
    private static final String[] SHARED = {ROOT + ".refusal..", ROOT + ".time..", ROOT + ".store..", ROOT + ".rating.."};
    private static final String[] SERVICES = {ROOT + ".status..", ROOT + ".claim..", ROOT + ".verdict..", ROOT + ".review..", ROOT + ".evidence..", ROOT + ".publishing..", ROOT + ".webhook..",
            ROOT + ".authoring..", ROOT + ".imports..", ROOT + ".user..", ROOT + ".demo.."};
    /** Problem details, the guards before the resources, the pages, and the replay of HTTP answers by Idempotency-Key. */
    private static final String[] EDGE_PACKAGES = {ROOT + ".problem..", ROOT + ".guard..", ROOT + ".dashboard..",
            ROOT + ".idempotency.."};

    /** A resource: a JAX-RS endpoint in its domain's package. */
    private static final DescribedPredicate<JavaClass> RESOURCE =
            DescribedPredicate.describe("a resource", c -> c.isAnnotatedWith("jakarta.ws.rs.Path"));
    private static final DescribedPredicate<JavaClass> EDGE =
            resideInAnyPackage(EDGE_PACKAGES).or(RESOURCE).as("the HTTP edge");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void noPackageImportsOneThatImportsItBack() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void factsStandOnNothing() {
        noClasses().that().resideInAPackage(ROOT + ".facts..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAnyPackage(ROOT + ".facts.."))))
                .check(classes);
    }

    @Test
    void rulesStandOnFactsOnly() {
        noClasses().that().resideInAPackage(ROOT + ".rules..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(not(resideInAnyPackage(ROOT + ".rules..", ROOT + ".facts.."))).and(not(resideInAnyPackage(SHARED))))
                .check(classes);
    }

    @Test
    void evaluationStandsOnRulesAndFactsOnly() {
        noClasses().that().resideInAPackage(ROOT + ".evaluation..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(not(resideInAnyPackage(ROOT + ".evaluation..", ROOT + ".rules..", ROOT + ".facts..")))
                        .and(not(resideInAnyPackage(SHARED))))
                .check(classes);
    }

    @Test
    void sharedPiecesStandOnNothingAbove() {
        noClasses().that().resideInAnyPackage(SHARED)
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAnyPackage(SHARED))))
                .check(classes);
    }

    @Test
    void servicesNeverReachUpToTheEdge() {
        noClasses().that(resideInAnyPackage(SERVICES).and(not(RESOURCE)))
                .should().dependOnClassesThat(EDGE)
                .check(classes);
    }

    @Test
    void onlyTheEdgeKnowsHttpStatuses() {
        noClasses().that(not(EDGE))
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.ws.rs.core.Response")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.ws.rs.core.Response$Status")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.ws.rs.core.Response$ResponseBuilder")
                .orShould().dependOnClassesThat().areAssignableTo("jakarta.ws.rs.WebApplicationException")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.vertx.core.http.HttpServerResponse")
                .check(classes);
    }

    @Test
    void resourcesAndPagesTalkToServicesAndViewsNeverToEntities() {
        noClasses().that(RESOURCE.or(resideInAnyPackage(ROOT + ".dashboard..")))
                .should().dependOnClassesThat().areAnnotatedWith("jakarta.persistence.Entity")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> resideInAPackage(String pattern) {
        return resideInAnyPackage(pattern);
    }
}
