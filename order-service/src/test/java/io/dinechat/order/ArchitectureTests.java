package io.dinechat.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dinechat.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses ORDER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dinechat.order");

    @Test
    void theCatalogDomainIsPlainJava() {
        // given
        var rule = ArchitectureRules.domainIsFrameworkFree().allowEmptyShould(false);

        // when / then
        rule.check(ORDER);
    }

    @Test
    void orderServiceUsesNoOtherServicesCode() {
        // given
        var rule = ArchitectureRules.noOtherService("order");

        // when / then
        rule.check(ORDER);
    }
}
