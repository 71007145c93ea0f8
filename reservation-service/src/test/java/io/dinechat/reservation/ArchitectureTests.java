package io.dinechat.reservation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dinechat.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses RESERVATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dinechat.reservation");

    @Test
    void theDomainIsPlainJava() {
        // given
        var rule = ArchitectureRules.domainIsFrameworkFree();

        // when / then
        rule.check(RESERVATION);
    }

    @Test
    void reservationUsesNoOtherServicesCode() {
        // given
        var rule = ArchitectureRules.noOtherService("reservation");

        // when / then
        rule.check(RESERVATION);
    }
}
