package vn.signer.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import vn.signer.testing.ModuleClasses;

/** The CLI is a thin face of signer-core: it knows neither the server nor DSS. */
@AnalyzeClasses(locations = ModuleClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {
    @ArchTest
    static final ArchRule notTheServer = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("vn.signer.server..", "io.javalin..", "org.eclipse.jetty..")
            .because("the CLI and the server are two faces of core and never import each other");

    @ArchTest
    static final ArchRule notDss = noClasses().should().dependOnClassesThat().resideInAPackage("eu.europa.esig..")
            .because("core's API is enough: what the CLI needs from DSS, core says in its own types");

    @ArchTest
    static final ArchRule agentWithoutTheCommandLine = noClasses().that().resideInAPackage("vn.signer.cli.agent..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "vn.signer.cli")
            .because("the signing agent is a face of its own on core, only started by the CLI's agent command, "
                    + "so that it can move into a module of its own (with the plugin protocol's WebSocket) unchanged");
}
