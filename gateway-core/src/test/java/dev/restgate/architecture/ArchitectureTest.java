package dev.restgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering rules inside the core, checked on its compiled main classes. The rules between modules are checked
 * over all of them in {@code architecture-tests}.
 */
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
}
