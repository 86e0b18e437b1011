package org.tandem.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The adapters see the core through its conversation API only (messages, blocks, events, the messenger and reply
 * channel, texts), the store's lease and retry, the core's one entry point, {@code TandemCore}, and the ports a
 * feature asks an adapter to implement ({@code OnlineCalendar}, with its records): never anything else of a
 * feature's package, so that a feature can change without an adapter noticing.
 */
class AdaptersArchitectureTest {

    /** What a feature asks an adapter to implement (its nested records and exception come with it). */
    private static final Set<String> PORTS = Set.of("org.tandem.core.meetings.OnlineCalendar");

    private final JavaClasses adapters = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tandem.slack", "org.tandem.teams", "org.tandem.webchat");

    @Test
    void adaptersSeeOnlyTheConversationApi() {
        noClasses().that().resideInAnyPackage("org.tandem.slack..", "org.tandem.teams..", "org.tandem.webchat..")
                .should().dependOnClassesThat(DescribedPredicate.<JavaClass>describe(
                        "are of the core outside its conversation API",
                        c -> c.getPackageName().startsWith("org.tandem.core")
                                && !c.getPackageName().startsWith("org.tandem.core.conversation")
                                && !c.getPackageName().equals("org.tandem.core.store")
                                && !c.getPackageName().equals("org.tandem.core.telemetry")
                                && !c.getName().equals("org.tandem.core.TandemCore")
                                && !PORTS.contains(c.getName())
                                && !PORTS.contains(c.getName().replaceFirst("\\$.*", ""))))
                .check(adapters);
    }

    @Test
    void theRuleSeesAFeaturePackage() {
        // guards the guard: a class using a feature's type breaks it
        JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class);
        assertThatThrownBy(() -> noClasses().should().dependOnClassesThat(
                DescribedPredicate.<JavaClass>describe("a feature",
                        c -> c.getPackageName().equals("org.tandem.core.pairs"))).check(leaky))
                .isInstanceOf(AssertionError.class);
    }

    static class Leaky {
        org.tandem.core.pairs.PairStatus status = org.tandem.core.pairs.PairStatus.ACTIVE;
    }
}
