package io.dinechat.conversation.understanding;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The understanding package follows the same rule as the domain packages (ArchitectureRules
 * .domainIsFrameworkFree): plain Java only, so both engines and the dialog policy can use it
 * anywhere and its tests need nothing started. The snapshot adapter beside it may use Jackson.
 */
@AnalyzeClasses(packages = "io.dinechat.conversation.understanding", importOptions = UnderstandingArchitectureTests.MainClassesOnly.class)
class UnderstandingArchitectureTests {

    /** Like ImportOption.DoNotIncludeTests, also when the build directory is not "target" (-Ddinechat.target=...). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule understandingIsPlainJava = classes().that().resideInAPackage("io.dinechat.conversation.understanding")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.dinechat.conversation.understanding")
            .because("understanding is pure logic: no framework, no I/O, no other package of the service");
}
