package org.tandem.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tandem.core.module.Feature;

/**
 * bot-core stays platform-neutral and Spring-free (adapters depend on it, never the other way), and its features
 * are modules: packages free of cycles, each with one entry type, none reaching into the composition root.
 */
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
    void thePackagesFormNoCycle() {
        slices().matching("org.tandem.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void nothingReachesIntoTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage("org.tandem.core")
                .should().dependOnClassesThat().resideInAPackage("org.tandem.core")
                .check(core);
    }

    @Test
    void featuresTalkThroughEventsNotThroughListenersWiredInTheRoot() {
        // a listener interface nested in a feature's class was how features were wired in TandemCore
        noClasses().that().resideInAPackage("org.tandem.core..").and().areInterfaces().and().areNestedClasses()
                .should().haveSimpleNameEndingWith("Listener").check(core);
    }

    @Test
    void eachFeatureHasOnePackageInfoAndOneEntryType() throws IOException {
        for (String feature : List.of("basics", "intake", "program", "pairs", "rounds", "rhythm", "home", "audit",
                "admin", "workshops", "privacy", "invitations")) {
            List<String> entries = core.stream().filter(c -> c.getPackageName().equals("org.tandem.core." + feature))
                    .filter(c -> c.isAssignableTo(Feature.class) && !c.isInterface()).map(c -> c.getSimpleName())
                    .toList();
            assertThat(entries).as("the entry types of " + feature).hasSize(1);
        }
        Path root = Path.of("src/main/java/org/tandem/core");
        try (Stream<Path> dirs = Files.walk(root)) {
            dirs.filter(Files::isDirectory).filter(d -> !d.equals(root)).forEach(d ->
                    assertThat(d.resolve("package-info.java")).as("the package-info of " + d).exists());
        }
    }

    @Test
    void onlyThePairsWriteAPairsStatus() {
        classes().that().haveSimpleName("Pairs").should().resideInAPackage("org.tandem.core.pairs").check(core);
        noClasses().that().resideOutsideOfPackage("org.tandem.core.pairs")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.tandem.core.pairs.PairStatus$Transition")
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
