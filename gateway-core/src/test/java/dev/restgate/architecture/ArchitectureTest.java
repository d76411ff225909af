package dev.restgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules of the architecture, checked on the compiled main classes. */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.restgate");

  @Test
  void servletApiIsUsedOnlyByTheServletAdapter() {
    noClasses().that().resideOutsideOfPackage("dev.restgate.servlet..")
        .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
        .check(CORE);
  }

  @Test
  void modelAndSpiDoNotDependOnInternals() {
    noClasses().that().resideInAnyPackage("dev.restgate.model..", "dev.restgate.spi..", "dev.restgate.http..")
        .should().dependOnClassesThat().resideInAPackage("dev.restgate.internal..")
        .check(CORE);
  }

  @Test
  void coreDependsOnNoFeatureModule() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.restgate.openapi..", "dev.restgate.lambda..",
        "dev.restgate.mapping..", "dev.restgate.authorizers..", "dev.restgate.throttling..")
        .check(CORE);
  }
}
