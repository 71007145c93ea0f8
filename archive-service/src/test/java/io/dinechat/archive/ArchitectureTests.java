package io.dinechat.archive;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dinechat.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses ARCHIVE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dinechat.archive");

    @Test
    void theDomainIsPlainJava() {
        // given
        var rule = ArchitectureRules.domainIsFrameworkFree();

        // when / then
        rule.check(ARCHIVE);
    }

    @Test
    void archiveUsesNoOtherServicesCode() {
        // given
        var rule = ArchitectureRules.noOtherService("archive");

        // when / then
        rule.check(ARCHIVE);
    }
}
