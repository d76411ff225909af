package dev.restgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The boundaries between the gateway's modules, checked over the main classes of every module of the build (the
 * benchmark harness, which measures internals on purpose and is no part of the product, aside). Each module has a
 * package of its own; the core's are listed in {@link #CORE}.
 */
class ModuleBoundariesTest {
  /** The core's packages: the SPI and model that modules build on, and its internals. */
  private static final String[] CORE = {"dev.restgate", "dev.restgate.config..", "dev.restgate.http..",
      "dev.restgate.internal..", "dev.restgate.model..", "dev.restgate.servlet..", "dev.restgate.spi.."};
  /** Every other module's package. */
  private static final List<String> MODULES = List.of("dev.restgate.openapi..", "dev.restgate.mapping..",
      "dev.restgate.authorizers..", "dev.restgate.throttling..", "dev.restgate.domains..", "dev.restgate.lambda..",
      "dev.restgate.launcher..", "dev.restgate.examples..", "dev.restgate.sdkgen..",
      "dev.restgate.metrics..", "dev.restgate.tracing..", "dev.restgate.caching..", "dev.restgate.observability..",
      "dev.restgate.controlplane..");
  private static final JavaClasses ALL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.restgate");

  @Test
  void noModuleOutsideTheCoreUsesItsInternalPackages() {
    noClasses().that().resideOutsideOfPackages(CORE)
        .should().dependOnClassesThat().resideInAPackage("dev.restgate.internal..")
        .because("modules build on the public SPI; internal packages change without notice")
        .check(ALL);
  }

  @Test
  void theCoreDependsOnNoModule() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(MODULES.toArray(String[]::new))
        .because("modules plug into the core through ServiceLoader")
        .check(ALL);
  }

  @Test
  void modulesDoNotDependOnEachOther() {
    for (String module : MODULES) {
      List<String> others = new ArrayList<>(MODULES);
      others.remove(module);
      noClasses().that().resideInAPackage(module)
          .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
          .because("a feature module depends on the core only, unless the dependency is its point")
          .allowEmptyShould(true)
          .check(ALL);
    }
  }

  @Test
  void theRulesSeeTheClassesOfEveryModuleThatHasCode() {
    for (String module : MODULES) {
      if (!module.equals("dev.restgate.mapping..")) {
        assertThat(ALL.that(JavaClass.Predicates.resideInAPackage(module))).as(module).isNotEmpty();
      }
    }
    assertThat(ALL.that(JavaClass.Predicates.resideInAnyPackage(CORE))).hasSizeGreaterThan(100);
  }
}
