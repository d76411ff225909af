package dev.restgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.ManagedFile;
import dev.restgate.spi.ProblemsException;
import dev.restgate.testing.ConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file read together with the objects created at run time, and how those are kept. */
class ManagedFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  ConfigFiles files;
  Path config;
  ManagedFile managed;

  @BeforeEach
  void write() {
    files = new ConfigFiles(dir);
    files.write("pets.yaml", ConfigFiles.PETS);
    config = files.write("gateway.yaml",
        "restApis: [{id: petstore01, body: pets.yaml, stages: [{stageName: prod}]}]\n");
    managed = new ManagedFile(files.loader(), config, dir.resolve("data"));
  }

  @Test
  void objectsCreatedAtRunTimeJoinTheFilesListsAndAreKeptAsJson() throws Exception {
    assertThat(managed.load().restApis()).hasSize(1);
    ObjectNode objects = managed.document();
    objects.withArray("restApis").addObject().put("id", "storeapi01").put("body", "pets.yaml")
        .putArray("stages").addObject().put("stageName", "beta");

    managed.replace(objects);

    GatewayConfig loaded = managed.load();
    assertThat(loaded.restApis()).extracting(ApiConfig::id).containsExactly("petstore01", "storeapi01");
    assertThat(loaded.files()).contains(dir.resolve("data").resolve(ManagedFile.FILE_NAME));
    assertThat(JSON.readTree(dir.resolve("data").resolve(ManagedFile.FILE_NAME).toFile()).at("/restApis/0/id")
        .asText()).isEqualTo("storeapi01");
    assertThat(managed.declaredIn()).isEqualTo(config.toString());
  }

  @Test
  void anInvalidChangeIsRefusedWithItsProblemsAndKeepsNothing() {
    ObjectNode objects = managed.document();
    objects.withArray("restApis").addObject().put("id", "petstore01").put("body", "pets.yaml");

    assertThatThrownBy(() -> managed.replace(objects)).isInstanceOf(ProblemsException.class);
    assertThat(dir.resolve("data").resolve(ManagedFile.FILE_NAME)).doesNotExist();
  }

  @Test
  void aKeyTheFileDoesNotHoldAsAListCannotTakeObjects() throws Exception {
    Files.writeString(config, "region: eu-west-1\nrestApis: [{id: petstore01, body: pets.yaml}]\n");
    ObjectNode objects = JSON.createObjectNode();
    objects.putArray("region").add("us-east-1");

    assertThatThrownBy(() -> managed.replace(objects)).isInstanceOf(ProblemsException.class)
        .satisfies(e -> assertThat(((ProblemsException) e).problems()).anySatisfy(problem -> {
          assertThat(problem.pointer()).isEqualTo("/region");
          assertThat(problem.message()).contains("must be a list");
        }));
  }
}
