package org.yibao.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The architecture rules catch what they are meant to: a fixture service that breaks each rule on
 * purpose fails every one of them, naming the offending class, and a fixture of the one shape passes.
 */
class ServiceArchitectureRulesTest {

    private static final String BAD = "org.yibao.archfixture.bad";
    private static final String GOOD = "org.yibao.archfixture.good";

    @Test
    void everyRuleFailsOnItsDeliberateViolation() {
        JavaClasses bad = new ClassFileImporter().importPackages(BAD);

        assertThat(violation(ServiceArchitectureTest.sqlOnlyInStores(BAD), bad)).contains("OrdersController").contains("JdbcTemplate");
        assertThat(violation(ServiceArchitectureTest.controllersDoNotCallStores(BAD), bad)).contains("OrdersStore");
        assertThat(violation(ServiceArchitectureTest.controllersAnswerTypedRecords(BAD), bad)).contains("order(java.lang.String)")
                .contains("java.util.Map");
        assertThat(violation(ServiceArchitectureTest.noCyclesBetweenFeatures(BAD), bad)).contains("billing").contains("orders");
        assertThat(violation(ServiceArchitectureTest.noOtherServicesCode(BAD), bad)).contains("ServiceClient");
        assertThat(violation(ServiceArchitectureTest.consumedEventsInOneFile(BAD), bad)).contains("OrderPlacedHandler");
        assertThat(violation(ServiceArchitectureTest.consumedEventsAtTheRoot(BAD), bad)).contains("orders.ConsumedEvents");
    }

    @Test
    void theOneShapePassesEveryRule() {
        JavaClasses good = new ClassFileImporter().importPackages(GOOD);

        for (ArchRule rule : ServiceArchitectureTest.rules(GOOD)) {
            assertThatCode(() -> rule.check(good)).as(rule.getDescription()).doesNotThrowAnyException();
        }
    }

    private static String violation(ArchRule rule, JavaClasses classes) {
        try {
            rule.check(classes);
        } catch (AssertionError e) {
            return e.getMessage();
        }
        throw new AssertionError("expected " + rule.getDescription() + " to fail on " + BAD);
    }
}
