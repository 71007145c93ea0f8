package io.dinechat.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules every service's architecture test applies, so they cannot rot: domain packages are
 * plain Java (records, sealed interfaces, ports), and no service reaches into another service's
 * code (they meet only on Kafka topics and HTTP).
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Classes in {@code ..domain..} depend only on the JDK and on other domain classes. */
    public static ArchRule domainIsFrameworkFree() {
        return classes().that().resideInAPackage("..domain..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "..domain..")
                .allowEmptyShould(true)
                .because("the domain is plain Java; adapters in web, messaging, persistence and config depend on frameworks");
    }

    /** No class of {@code ownPackage} uses another service's packages. */
    public static ArchRule noOtherService(String ownService) {
        String[] others = java.util.stream.Stream.of("gateway", "ingest", "conversation", "reservation", "order",
                        "archive", "billing")
                .filter(s -> !s.equals(ownService))
                .map(s -> "io.dinechat." + s + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage("io.dinechat." + ownService + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only topics and HTTP contracts, never code");
    }
}
