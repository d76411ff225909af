package dev.restgate.sdkgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.spi.ClientSdks.Property;
import dev.restgate.spi.ClientSdks.SdkType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK types, AWS's parameter names, how they map onto generator options, and the errors callers get. */
class SdkCatalogTest {

  @Test
  void typesAreListedWithTheirPropertiesByAwsNames() {
    assertThat(SdkCatalog.types()).extracting(SdkType::id)
        .containsExactly("java", "android", "javascript", "typescript", "python", "ruby");
    SdkType java = SdkCatalog.types().get(0);
    assertThat(java.configurationProperties()).extracting(Property::name)
        .containsExactly("serviceName", "javaPackageName", "javaArtifactId", "javaGroupId", "javaArtifactVersion");
    assertThat(java.configurationProperties()).filteredOn(Property::required).extracting(Property::name)
        .containsExactly("serviceName", "javaPackageName");
    assertThat(SdkCatalog.types().get(1).configurationProperties()).allMatch(Property::required)
        .extracting(Property::name).containsExactly("groupId", "artifactId", "artifactVersion", "invokerPackage");
    assertThat(SdkCatalog.types().get(5).configurationProperties()).extracting(Property::name)
        .containsExactly("service.name", "ruby.gem-name", "ruby.gem-version");
  }

  @Test
  void javaMapsOntoTheJavaGeneratorWithOkHttpGson() {
    SdkCatalog.Options options = SdkCatalog.options("java",
        Map.of("serviceName", "Pets", "javaPackageName", "com.example.pets"));

    assertThat(options.generator()).isEqualTo("java");
    assertThat(options.library()).isEqualTo("okhttp-gson");
    assertThat(options.tag()).isEqualTo("Pets");
    assertThat(options.properties()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "invokerPackage", "com.example.pets", "apiPackage", "com.example.pets.api",
        "modelPackage", "com.example.pets.model", "groupId", "com.example.pets", "artifactId", "pets",
        "artifactVersion", "1.0.0"));

    assertThat(SdkCatalog.options("java", Map.of("serviceName", "Pets", "javaPackageName", "com.example.pets",
        "javaGroupId", "org.acme", "javaArtifactId", "pet-client", "javaArtifactVersion", "2.0.1")).properties())
        .containsEntry("groupId", "org.acme").containsEntry("artifactId", "pet-client")
        .containsEntry("artifactVersion", "2.0.1");
  }

  @Test
  void androidAndRubyTakeAwssParameters() {
    SdkCatalog.Options android = SdkCatalog.options("android", Map.of("groupId", "com.example",
        "artifactId", "pets-android", "artifactVersion", "1.2.3", "invokerPackage", "com.example.pets"));
    assertThat(android.generator()).isEqualTo("java");
    assertThat(android.library()).isEqualTo("okhttp-gson");
    assertThat(android.tag()).isNull();
    assertThat(android.properties()).containsEntry("artifactId", "pets-android")
        .containsEntry("apiPackage", "com.example.pets.api");

    SdkCatalog.Options ruby = SdkCatalog.options("ruby", Map.of("service.name", "PetStore"));
    assertThat(ruby.generator()).isEqualTo("ruby");
    assertThat(ruby.properties()).containsExactlyInAnyOrderEntriesOf(Map.of("moduleName", "PetStore",
        "gemName", "pet_store", "gemVersion", "1.0.0"));
  }

  @Test
  void typesWithoutAwsCounterpartsHaveDefaults() {
    assertThat(SdkCatalog.options("javascript", Map.of()).generator()).isEqualTo("javascript");
    assertThat(SdkCatalog.options("typescript", Map.of()).properties()).containsEntry("npmName", "api-client");
    assertThat(SdkCatalog.options("python", Map.of("packageName", "pets")).properties())
        .containsEntry("packageName", "pets").containsEntry("projectName", "pets");
  }

  @Test
  void wrongTypesAndParametersAreRefusedByName() {
    assertThatThrownBy(() -> SdkCatalog.options("cobol", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid SDK type specified: cobol (this gateway generates java, android, javascript, "
            + "typescript, python, ruby)");
    assertThatThrownBy(() -> SdkCatalog.options("java", Map.of("serviceName", "Pets")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing required parameters for SDK type java: javaPackageName");
    assertThatThrownBy(() -> SdkCatalog.options("android", Map.of()))
        .hasMessage("Missing required parameters for SDK type android: groupId, artifactId, artifactVersion, "
            + "invokerPackage");
    assertThatThrownBy(() -> SdkCatalog.options("java", Map.of("serviceName", "Pets", "javaPackageName", "a.b",
        "classPrefix", "X")))
        .hasMessage("Invalid parameters for SDK type java: classPrefix (it takes serviceName, javaPackageName, "
            + "javaArtifactId, javaGroupId, javaArtifactVersion)");
    assertThatThrownBy(() -> SdkCatalog.options("javascript", Map.of("serviceName", "Pets")))
        .hasMessage("Invalid parameters for SDK type javascript: serviceName (it takes none)");
    assertThatThrownBy(() -> SdkCatalog.options("java", Map.of("serviceName", "Pets",
        "javaPackageName", "com.example/../x")))
        .hasMessage("Invalid value for parameter javaPackageName of SDK type java: 'com.example/../x' is not a "
            + "valid Java Package Name");
  }
}
