package vn.signer.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import vn.signer.testing.ModuleClasses;

/** The server is a thin face of signer-core: it knows neither the CLI nor DSS. */
@AnalyzeClasses(locations = ModuleClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {
    @ArchTest
    static final ArchRule notTheCommandLine = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("vn.signer.cli..", "picocli..")
            .because("the CLI and the server are two faces of core and never import each other");

    @ArchTest
    static final ArchRule notDss = noClasses().should().dependOnClassesThat().resideInAPackage("eu.europa.esig..")
            .because("core's API is enough: what the server needs from DSS, core says in its own types");
}
