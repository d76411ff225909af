package dev.restgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.ManagedObjects;
import dev.restgate.spi.ManagedConfiguration.Snapshot;
import dev.restgate.spi.ProblemsException;
import dev.restgate.testing.ConfigFiles;
import dev.restgate.testing.TestStores;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ConcurrentModificationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file read together with the objects created at run time, and how those are kept. */
class ManagedObjectsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  ConfigFiles files;
  Path config;
  ManagedObjects managed;

  @BeforeEach
  void write() throws Exception {
    files = new ConfigFiles(dir);
    files.write("pets.yaml", ConfigFiles.PETS);
    config = files.write("gateway.yaml",
        "restApis: [{id: petstore01, body: pets.yaml, stages: [{stageName: prod}]}]\n");
    managed = ManagedObjects.open(files.loader(), config, dir.resolve("data"));
  }

  @Test
  void objectsCreatedAtRunTimeJoinTheFilesListsAndAreKeptAsJson() throws Exception {
    assertThat(managed.load().restApis()).hasSize(1);
    Snapshot snapshot = managed.read();
    snapshot.document().withArray("restApis").addObject().put("id", "storeapi01").put("body", "pets.yaml")
        .putArray("stages").addObject().put("stageName", "beta");

    managed.replace(snapshot);

    GatewayConfig loaded = managed.load();
    assertThat(loaded.restApis()).extracting(ApiConfig::id).containsExactly("petstore01", "storeapi01");
    assertThat(loaded.files()).contains(dir.resolve("data").resolve(ManagedObjects.FILE_NAME));
    assertThat(JSON.readTree(dir.resolve("data").resolve(ManagedObjects.FILE_NAME).toFile()).at("/restApis/0/id")
        .asText()).isEqualTo("storeapi01");
    assertThat(managed.declaredIn()).isEqualTo(config.toString());
  }

  @Test
  void anInvalidChangeIsRefusedWithItsProblemsAndKeepsNothing() {
    Snapshot snapshot = managed.read();
    snapshot.document().withArray("restApis").addObject().put("id", "petstore01").put("body", "pets.yaml");

    assertThatThrownBy(() -> managed.replace(snapshot)).isInstanceOf(ProblemsException.class);
    assertThat(dir.resolve("data").resolve(ManagedObjects.FILE_NAME)).doesNotExist();
  }

  @Test
  void aKeyTheFileDoesNotHoldAsAListCannotTakeObjects() throws Exception {
    Files.writeString(config, "region: eu-west-1\nrestApis: [{id: petstore01, body: pets.yaml}]\n");
    ObjectNode objects = JSON.createObjectNode();
    objects.putArray("region").add("us-east-1");

    assertThatThrownBy(() -> managed.replace(new Snapshot(objects, managed.read().revision()))).isInstanceOf(ProblemsException.class)
        .satisfies(e -> assertThat(((ProblemsException) e).problems()).anySatisfy(problem -> {
          assertThat(problem.pointer()).isEqualTo("/region");
          assertThat(problem.message()).contains("must be a list");
        }));
  }

  @Test
  void aChangeMadeFromAStaleReadIsRefusedAndKeepsNothing() throws Exception {
    Snapshot first = managed.read();
    Snapshot second = managed.read();
    first.document().withArray("restApis").addObject().put("id", "otherapi01").put("body", "pets.yaml")
        .putArray("stages").addObject().put("stageName", "beta");
    managed.replace(first);
    second.document().withArray("restApis").addObject().put("id", "storeapi01").put("body", "pets.yaml")
        .putArray("stages").addObject().put("stageName", "beta");

    assertThatThrownBy(() -> managed.replace(second)).isInstanceOf(ConcurrentModificationException.class);
    assertThat(managed.load().restApis()).extracting(ApiConfig::id).containsExactly("petstore01", "otherapi01");
  }

  @Test
  void withPostgresqlNodesShareTheObjectsAndSeeEachOthersRevisions() throws Exception {
    String url = TestStores.postgresUrl();
    try (Connection db = DriverManager.getConnection(url, TestStores.POSTGRES_USER, null);
        Statement statement = db.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS restgate_managed_objects");
    }
    Path shared = files.write("shared.yaml", """
        restApis: [{id: petstore01, body: pets.yaml, stages: [{stageName: prod}]}]
        store: {type: postgresql, url: "%s", username: %s}
        """.formatted(url, TestStores.POSTGRES_USER));
    try (ManagedObjects one = ManagedObjects.open(files.loader(), shared, dir.resolve("one"));
        ManagedObjects two = ManagedObjects.open(files.loader(), shared, dir.resolve("two"))) {
      String before = two.revision();
      Snapshot stale = two.read();
      Snapshot change = one.read();
      change.document().withArray("restApis").addObject().put("id", "storeapi01").put("body", "pets.yaml")
          .putArray("stages").addObject().put("stageName", "beta");
      one.replace(change);

      assertThat(two.revision()).isNotEqualTo(before);
      assertThat(two.load().restApis()).extracting(ApiConfig::id).containsExactly("petstore01", "storeapi01");
      assertThat(two.load().files()).doesNotContain(dir.resolve("two").resolve(ManagedObjects.FILE_NAME));
      assertThatThrownBy(() -> two.replace(stale)).isInstanceOf(ConcurrentModificationException.class);
      assertThat(one.location()).contains(url);
    }
    try (ManagedObjects offline = ManagedObjects.open(files.loader(), files.write("offline.yaml", """
        restApis: [{id: petstore01, body: pets.yaml, stages: [{stageName: prod}]}]
        store: {type: postgresql, url: "jdbc:postgresql://127.0.0.1:1/none"}
        """), dir.resolve("two"))) {
      assertThat(offline.load().restApis()).extracting(ApiConfig::id).containsExactly("petstore01", "storeapi01");
      assertThatThrownBy(() -> offline.replace(offline.read())).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("could not be stored in PostgreSQL");
    }
  }
}
