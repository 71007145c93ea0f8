package io.dinechat.billing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dinechat.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses BILLING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dinechat.billing");

    @Test
    void theDomainIsPlainJava() {
        // given
        var rule = ArchitectureRules.domainIsFrameworkFree();

        // when / then
        rule.check(BILLING);
    }

    @Test
    void billingUsesNoOtherServicesCode() {
        // given
        var rule = ArchitectureRules.noOtherService("billing");

        // when / then
        rule.check(BILLING);
    }
}
