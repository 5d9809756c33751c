package org.yibao.testsupport.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one shape every service of the platform has (docs/architecture.md), checked on its compiled
 * classes with ArchUnit, as {@code ServiceContractTest} checks its behaviour at run time. A service's
 * test extends this from its root package ({@code org.yibao.settlement}, ...); the rules read the
 * service's main classes only.
 *
 * <ul>
 *   <li>SQL only in stores: a class using JDBC ({@code org.springframework.jdbc}, {@code java.sql},
 *       {@code javax.sql}) is named {@code *Store};</li>
 *   <li>a controller ({@code @RestController}) calls services, never a store, and answers typed
 *       records, never {@code Map} rows;</li>
 *   <li>no cycles between a service's feature packages;</li>
 *   <li>no service imports another service's code: only its own, the platform libraries'
 *       ({@code contracts}, {@code messaging}, {@code security}, {@code web}) and third parties';</li>
 *   <li>the events a service consumes are listed in one file, {@code ConsumedEvents} in the service's
 *       root package: no other class declares an event handler.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    /** The platform's shared libraries, which every service may use. */
    static final Set<String> PLATFORM_PACKAGES = Set.of("org.yibao.contracts", "org.yibao.messaging", "org.yibao.security",
            "org.yibao.web");

    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String EVENT_HANDLER = "org.yibao.messaging.consumer.EventHandler";

    private JavaClasses service;
    private String root;

    /** The service's root package: by default the package of the test that extends this class. */
    protected String rootPackage() {
        return getClass().getPackageName();
    }

    @BeforeAll
    void importService() {
        root = rootPackage();
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root);
    }

    /** The rules, for a test that shows one failing on a deliberate violation. */
    public static List<ArchRule> rules(String root) {
        return List.of(sqlOnlyInStores(root), controllersDoNotCallStores(root), controllersAnswerTypedRecords(root),
                noCyclesBetweenFeatures(root), noOtherServicesCode(root), consumedEventsInOneFile(root),
                consumedEventsAtTheRoot(root));
    }

    @Test
    void sqlIsOnlyInStores() {
        sqlOnlyInStores(root).check(service);
    }

    @Test
    void controllersCallServicesNotStores() {
        controllersDoNotCallStores(root).check(service);
    }

    @Test
    void controllersAnswerTypedRecordsNotMaps() {
        controllersAnswerTypedRecords(root).check(service);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        noCyclesBetweenFeatures(root).check(service);
    }

    @Test
    void usesNoOtherServicesCode() {
        noOtherServicesCode(root).check(service);
    }

    @Test
    void listsTheEventsItConsumesInOneFile() {
        consumedEventsInOneFile(root).check(service);
    }

    @Test
    void keepsThatFileAtItsRoot() {
        consumedEventsAtTheRoot(root).check(service);
    }

    static ArchRule sqlOnlyInStores(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().haveSimpleNameNotEndingWith("Store")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .as("SQL only in *Store classes (" + root + ")")
                .because("a reader finds every statement of a feature in its store (docs/architecture.md)");
    }

    static ArchRule controllersDoNotCallStores(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().areAnnotatedWith(REST_CONTROLLER)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .as("controllers call services, never stores (" + root + ")")
                .because("the transaction and the outbox belong to the service (docs/architecture.md)");
    }

    static ArchRule controllersAnswerTypedRecords(String root) {
        return methods().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and().areDeclaredInClassesThat().areAnnotatedWith(REST_CONTROLLER)
                .should(new ArchCondition<>("answer typed records, not Map rows") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Method reflected;
                        try {
                            reflected = method.reflect();
                        } catch (RuntimeException e) {
                            return;
                        }
                        String type = reflected.getGenericReturnType().getTypeName();
                        if (type.contains("java.util.Map")) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " answers " + type));
                        }
                    }
                })
                .allowEmptyShould(true)
                .as("controllers answer typed records (" + root + ")");
    }

    static ArchRule noCyclesBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("no cycles between the feature packages of " + root);
    }

    static ArchRule noOtherServicesCode(String root) {
        DescribedPredicate<JavaClass> otherServices = new DescribedPredicate<>("another service's code") {
            @Override
            public boolean test(JavaClass target) {
                String pkg = target.getPackageName();
                return pkg.startsWith("org.yibao.") && !pkg.equals(root) && !pkg.startsWith(root + ".")
                        && PLATFORM_PACKAGES.stream().noneMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
            }
        };
        return noClasses().that().resideInAPackage(root + "..").should().dependOnClassesThat(otherServices)
                .as(root + " uses only its own code and the platform libraries");
    }

    static ArchRule consumedEventsAtTheRoot(String root) {
        return classes().that().resideInAPackage(root + "..").and().haveSimpleName("ConsumedEvents")
                .should().resideInAPackage(root)
                .allowEmptyShould(true)
                .as("ConsumedEvents sits in " + root + " itself, where a reader looks first");
    }

    static ArchRule consumedEventsInOneFile(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().haveSimpleNameNotEndingWith("ConsumedEvents")
                .should().dependOnClassesThat().haveFullyQualifiedName(EVENT_HANDLER)
                .as("the events " + root + " consumes are listed in ConsumedEvents only");
    }
}
