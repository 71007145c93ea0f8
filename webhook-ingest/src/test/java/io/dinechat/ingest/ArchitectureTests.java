package io.dinechat.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dinechat.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses INGEST = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dinechat.ingest");

    @Test
    void theDomainIsPlainJava() {
        // given
        var rule = ArchitectureRules.domainIsFrameworkFree();

        // when / then
        rule.check(INGEST);
    }

    @Test
    void ingestUsesNoOtherServicesCode() {
        // given
        var rule = ArchitectureRules.noOtherService("ingest");

        // when / then
        rule.check(INGEST);
    }
}
