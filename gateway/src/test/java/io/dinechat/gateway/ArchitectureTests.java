package io.dinechat.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.dinechat.testing.ArchitectureRules;

@AnalyzeClasses(packages = "io.dinechat.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = ArchitectureRules.domainIsFrameworkFree();

    @ArchTest
    static final ArchRule noOtherService = ArchitectureRules.noOtherService("gateway");
}
