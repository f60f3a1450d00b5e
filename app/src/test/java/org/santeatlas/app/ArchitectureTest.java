package org.santeatlas.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of SantéAtlas, in one place: core ← importers, quality, map ← reports ← app;
 * test-data stands apart; JavaFX only in app.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.santeatlas");
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.santeatlas.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.santeatlas.importers..",
                        "org.santeatlas.quality..", "org.santeatlas.map..", "org.santeatlas.reports..",
                        "org.santeatlas.app..", "org.santeatlas.testdata..")
                .check(classes);
    }

    @Test
    void analysisModulesDoNotDependOnReportsOrApp() {
        noClasses().that().resideInAnyPackage("org.santeatlas.importers..", "org.santeatlas.quality..",
                        "org.santeatlas.map..")
                .should().dependOnClassesThat().resideInAnyPackage("org.santeatlas.reports..", "org.santeatlas.app..")
                .check(classes);
    }

    @Test
    void reportsDoNotDependOnTheApp() {
        noClasses().that().resideInAPackage("org.santeatlas.reports..")
                .should().dependOnClassesThat().resideInAPackage("org.santeatlas.app..")
                .check(classes);
    }

    @Test
    void theGeneratorStandsApart() {
        noClasses().that().resideInAPackage("org.santeatlas.testdata..")
                .should().dependOnClassesThat().resideInAnyPackage("org.santeatlas.core..",
                        "org.santeatlas.importers..", "org.santeatlas.app..")
                .check(classes);
    }

    @Test
    void javafxOnlyInTheApp() {
        noClasses().that().resideOutsideOfPackage("org.santeatlas.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
