package io.dinechat.conversation;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.dinechat.testing.ArchitectureRules;

@AnalyzeClasses(packages = "io.dinechat.conversation", importOptions = ArchitectureTests.MainClassesOnly.class)
class ArchitectureTests {

    /** Like ImportOption.DoNotIncludeTests, also when the build directory is not "target" (-Ddinechat.target=...). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule domainIsFrameworkFree = ArchitectureRules.domainIsFrameworkFree();

    @ArchTest
    static final ArchRule noOtherService = ArchitectureRules.noOtherService("conversation");
}
