package org.tandem.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** bot-core stays platform-neutral and Spring-free: adapters depend on it, never the other way. */
class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tandem.core");

    @Test
    void coreImportsNoSpringNoSlackNoBotFramework() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.slack..", "com.microsoft.bot..")
                .check(core);
    }

    @Test
    void coreKnowsNoAdapter() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.tandem.slack..", "org.tandem.teams..", "org.tandem.webchat..",
                        "org.tandem.deploy..")
                .check(core);
    }

    @Test
    void theRuleWouldCatchALeak() {
        // guards the guard: the same rule, applied to a class that does use Spring, must fail
        JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("java.util.concurrent..").check(leaky))
                .isInstanceOf(AssertionError.class);
    }

    static class Leaky {
        java.util.concurrent.ConcurrentHashMap<String, String> map = new java.util.concurrent.ConcurrentHashMap<>();
    }
}
