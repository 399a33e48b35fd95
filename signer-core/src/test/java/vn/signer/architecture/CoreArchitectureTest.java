package vn.signer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import vn.signer.testing.ModuleClasses;

/**
 * What signer-core may depend on and show. Core is the library: it knows no command line, no HTTP
 * server, and keeps DSS behind its own types, with every place that subclasses DSS or leans on its
 * internals in the one package {@code vn.signer.dss}, each guarded by a test there.
 */
@AnalyzeClasses(locations = ModuleClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
    private static final String DSS = "eu.europa.esig..";
    private static final String INTERNAL = "vn.signer.dss";

    /**
     * Public members outside {@value #INTERNAL} that still name DSS types, each with the reason. Everything
     * else in core's public API is signer's own types, the JDK's, PDFBox's or BouncyCastle's.
     */
    private static final Map<String, String> DSS_IN_API = Map.of(
            "vn.signer.appearance.VisibleSignature",
            "builds DSS's image parameters for sign/PadesSigner, the only caller of these two methods; "
                    + "its other public method is DSS-free and used by the CLI",
            "vn.signer.net.GatedDataLoader",
            "the network gate is a DSS DataLoader by design: DSS fetches AIA, CRL, OCSP and TSA answers through it",
            "vn.signer.timestamp.TimestampAuthorities",
            "is DSS's TSPSource by design: the signing stages hand it to DSS as one");

    /** Classes outside {@value #INTERNAL} that subclass or implement a DSS type, each with the reason. */
    private static final Map<String, String> DSS_SUBCLASSES = Map.of(
            "vn.signer.net.GatedDataLoader", "the network gate (see DSS_IN_API)",
            "vn.signer.net.HttpTransport", "the gate's transport: lives with the address checks it enforces",
            "vn.signer.net.FetchRefused", "a refusal DSS must see as its own external-resource failure, to record it and go on",
            "vn.signer.timestamp.TimestampAuthorities", "DSS's TSPSource (see DSS_IN_API)");

    @ArchTest
    static final ArchRule noCommandLineOrHttp = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("picocli..", "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
                    "vn.signer.cli..", "vn.signer.server..")
            .because("signer-core is the library that the CLI and the server are thin faces of");

    @ArchTest
    static final ArchRule noDssInThePublicApi = members().that().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackage(INTERNAL).and().arePublic()
            .should(nameNoTypeFrom("eu.europa.esig", DSS_IN_API.keySet()))
            .because("callers of core must not need DSS: a DSS upgrade changes core, not them");

    @ArchTest
    static final ArchRule noJacksonInThePublicApi = members().that().areDeclaredInClassesThat().arePublic().and().arePublic()
            .should(nameNoTypeFrom("com.fasterxml.jackson", Set.of("vn.signer.report.Json")))
            // Json.mapper() is the mapper of the reports themselves: the CLI, the server and their tests read
            // and write the same JSON with it.
            .because("reports are records; JSON is how a face writes them");

    @ArchTest
    static final ArchRule dssIsSubclassedOnlyInItsOwnPackage = classes().that().resideOutsideOfPackage(INTERNAL)
            .should(new ArchCondition<JavaClass>("extend or implement no DSS type, or live in " + INTERNAL) {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    if (DSS_SUBCLASSES.containsKey(c.getName())) {
                        return;
                    }
                    Stream.concat(c.getRawSuperclass().stream(), c.getRawInterfaces().stream())
                            .filter(t -> t.getPackageName().startsWith("eu.europa.esig"))
                            .forEach(t -> events.add(SimpleConditionEvent.violated(c, c.getName() + " extends " + t.getName())));
                }
            });

    @ArchTest
    static final ArchRule theExclusionsStillExist = classes().that().haveFullyQualifiedName(INTERNAL + ".ServiceLookups")
            .should(new ArchCondition<JavaClass>("be beside every listed exclusion") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    Stream.concat(DSS_IN_API.keySet().stream(), DSS_SUBCLASSES.keySet().stream()).distinct().forEach(name -> {
                        try {
                            Class.forName(name, false, CoreArchitectureTest.class.getClassLoader());
                        } catch (ClassNotFoundException e) {
                            events.add(SimpleConditionEvent.violated(c, name + " is listed as an exclusion but no longer exists"));
                        }
                    });
                }
            });

    /** A public member whose parameters, result, thrown exceptions or field type come from none of {@code prefix}. */
    private static ArchCondition<JavaMember> nameNoTypeFrom(String prefix, Set<String> excludedClasses) {
        return new ArchCondition<>("name no type from " + prefix) {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                if (excludedClasses.contains(member.getOwner().getName()) || !reachable(member.getOwner())) {
                    return;
                }
                Stream<JavaClass> types = member instanceof JavaCodeUnit unit
                        ? Stream.of(unit.getRawParameterTypes().stream(), Stream.of(unit.getRawReturnType()),
                                unit.getThrowsClause().getTypes().stream()).flatMap(s -> s)
                        : Stream.of(((JavaField) member).getRawType());
                types.map(t -> t.isArray() ? t.getBaseComponentType() : t).filter(t -> t.getPackageName().startsWith(prefix))
                        .forEach(t -> events.add(SimpleConditionEvent.violated(member, member.getFullName() + " names " + t.getName())));
            }
        };
    }

    /** Public and nested only in public types: a member of an interface nested in a package-private one is not API. */
    private static boolean reachable(JavaClass c) {
        return c.getModifiers().contains(JavaModifier.PUBLIC) && c.getEnclosingClass().map(CoreArchitectureTest::reachable).orElse(true);
    }
}
