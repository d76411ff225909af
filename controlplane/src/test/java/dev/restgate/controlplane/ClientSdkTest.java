package dev.restgate.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.config.ConfigLoader;
import dev.restgate.testing.EmbeddedGateway;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.GetSdkResponse;
import software.amazon.awssdk.services.apigateway.model.GetSdkTypeResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.SdkConfigurationProperty;
import software.amazon.awssdk.services.apigateway.model.SdkType;

/**
 * {@code GetSdk} and {@code GetSdkTypes} through the real AWS SDK's {@code ApiGatewayClient}, and the generated
 * SDKs built and run the way their users would: the Java client with Maven, the JavaScript client with npm and
 * Node, each calling the running gateway at its default base URL, an API key in hand for the method that takes
 * one. Needs {@code mvn}, {@code npm} and {@code node} on the PATH and their registries reachable.
 */
class ClientSdkTest {
  private static final String API_KEY = "sdk-user-key-0123456789abcdef";

  private static EmbeddedGateway gateway;
  private static ApiGatewayClient admin;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("greetings.yaml"), """
        openapi: 3.0.1
        info: {title: greetings, version: "1"}
        components:
          securitySchemes:
            api_key: {type: apiKey, name: x-api-key, in: header}
          schemas:
            Greeting:
              type: object
              properties: {hello: {type: string}}
            Secret:
              type: object
              properties: {keyed: {type: boolean}, key: {type: string}}
        paths:
          /greeting:
            get:
              operationId: getGreeting
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {$ref: "#/components/schemas/Greeting"}}}
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates: {application/json: '{"statusCode": 200}'}
                responses:
                  default: {statusCode: "200", responseTemplates: {application/json: '{"hello": "world"}'}}
          /secret:
            get:
              operationId: getSecret
              security: [{api_key: []}]
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {$ref: "#/components/schemas/Secret"}}}
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates: {application/json: '{"statusCode": 200}'}
                responses:
                  default:
                    statusCode: "200"
                    responseTemplates:
                      application/json: '{"keyed": true, "key": "$context.identity.apiKey"}'
        """);
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - id: greeting01
            body: greetings.yaml
            stages: [{stageName: prod}]
        apiKeys:
          - {name: sdk-user, value: %s, enabled: true}
        usagePlans:
          - name: sdk-users
            apiStages: [{apiId: greeting01, stage: prod}]
        usagePlanKeys:
          - {usagePlanId: sdk-users, keyId: sdk-user}
        identities:
        %s""".formatted(API_KEY, Operators.OPERATOR));
    gateway = EmbeddedGateway.start(ConfigLoader.standard(ClientSdkTest.class.getClassLoader()).load(config),
        dir.resolve("data"), ClientSdkTest.class.getClassLoader());
    admin = Operators.client(gateway.port(), Operators.ACCESS_KEY, Operators.SECRET);
  }

  @AfterAll
  static void stop() throws Exception {
    admin.close();
    gateway.close();
  }

  @Test
  void sdkTypesAreListedWithTheirConfigurationProperties() {
    List<SdkType> types = admin.getSdkTypes(r -> { }).items();
    assertThat(types).extracting(SdkType::id)
        .containsExactly("java", "android", "javascript", "typescript", "python", "ruby");
    assertThat(types.get(0).configurationProperties()).extracting(SdkConfigurationProperty::name)
        .containsExactly("serviceName", "javaPackageName", "javaArtifactId", "javaGroupId", "javaArtifactVersion");
    assertThat(types.get(0).configurationProperties().get(0).required()).isTrue();
    assertThat(admin.getSdkTypes(r -> r.limit(2)).items()).hasSize(2);

    GetSdkTypeResponse ruby = admin.getSdkType(r -> r.id("ruby"));
    assertThat(ruby.friendlyName()).isEqualTo("Ruby");
    assertThat(ruby.configurationProperties()).extracting(SdkConfigurationProperty::name)
        .containsExactly("service.name", "ruby.gem-name", "ruby.gem-version");
    assertThat(ruby.configurationProperties().get(2).defaultValue()).isEqualTo("1.0.0");
    assertThatThrownBy(() -> admin.getSdkType(r -> r.id("objectivec")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid SDK type identifier specified");
  }

  @Test
  void wrongTypesAndParametersAreBadRequests() {
    assertThatThrownBy(() -> admin.getSdk(r -> r.restApiId("greeting01").stageName("prod").sdkType("java")
        .parameters(Map.of("serviceName", "Greetings"))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Missing required parameters for SDK type java: javaPackageName");
    assertThatThrownBy(() -> admin.getSdk(r -> r.restApiId("greeting01").stageName("prod").sdkType("swift")
        .parameters(Map.of("classPrefix", "GR"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid SDK type specified: swift");
    assertThatThrownBy(() -> admin.getSdk(r -> r.restApiId("greeting01").stageName("beta").sdkType("javascript")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid stage identifier specified");
  }

  @Test
  void theJavaSdkBuildsWithMavenAndCallsTheStage(@TempDir Path dir) throws Exception {
    GetSdkResponse sdk = admin.getSdk(r -> r.restApiId("greeting01").stageName("prod").sdkType("java")
        .parameters(Map.of("serviceName", "Greetings", "javaPackageName", "com.example.greetings")));
    assertThat(sdk.contentType()).isEqualTo("application/octet-stream");
    assertThat(sdk.contentDisposition()).isEqualTo("attachment; filename=\"greeting01_prod_java.zip\"");
    Path project = unzip(sdk.body().asInputStream(), dir).resolve("java-sdk");

    run(project, tool("mvn"), "-B", "-q", "package", "-DskipTests");
    run(project, tool("mvn"), "-B", "-q", "dependency:build-classpath", "-Dmdep.outputFile=classpath.txt");
    String classpath = Files.readString(project.resolve("classpath.txt")).strip() + java.io.File.pathSeparator
        + project.resolve("target/greetings-1.0.0.jar");
    Files.writeString(dir.resolve("Main.java"), """
        import com.example.greetings.ApiClient;
        import com.example.greetings.Configuration;
        import com.example.greetings.api.GreetingsApi;
        import com.example.greetings.auth.ApiKeyAuth;

        public class Main {
          public static void main(String[] args) throws Exception {
            ApiClient client = Configuration.getDefaultApiClient();
            ((ApiKeyAuth) client.getAuthentication("api_key")).setApiKey(args[0]);
            GreetingsApi api = new GreetingsApi(client);
            System.out.println(api.getGreeting().getHello() + " " + api.getSecret().getKeyed() + " "
                + api.getSecret().getKey());
          }
        }
        """);
    String javaHome = System.getProperty("java.home");
    run(dir, javaHome + "/bin/javac", "-cp", classpath, "-d", dir.toString(), "Main.java");

    assertThat(run(dir, javaHome + "/bin/java", "-cp", classpath + java.io.File.pathSeparator + dir, "Main",
        API_KEY)).isEqualTo("world true " + API_KEY);
  }

  @Test
  void theJavascriptSdkInstallsWithNpmAndCallsTheStageFromNode(@TempDir Path dir) throws Exception {
    GetSdkResponse sdk = admin.getSdk(r -> r.restApiId("greeting01").stageName("prod").sdkType("javascript"));
    Path project = unzip(sdk.body().asInputStream(), dir).resolve("javascript-sdk");

    run(project, tool("npm"), "install", "--no-audit", "--no-fund", "--loglevel=error");
    Files.writeString(dir.resolve("main.js"), """
        const Sdk = require('./javascript-sdk');
        Sdk.ApiClient.instance.authentications['api_key'].apiKey = process.argv[2];
        const api = new Sdk.DefaultApi();
        (async () => {
          const greeting = await api.getGreeting();
          const secret = await api.getSecret();
          console.log(greeting.hello + ' ' + secret.keyed + ' ' + secret.key);
        })().catch(error => { console.error(error.message); process.exit(1); });
        """);

    assertThat(run(dir, tool("node"), "main.js", API_KEY)).isEqualTo("world true " + API_KEY);
  }

  private static Path unzip(InputStream zip, Path into) throws IOException {
    try (ZipInputStream in = new ZipInputStream(zip)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path file = into.resolve(entry.getName()).normalize();
        assertThat(file.startsWith(into)).as(entry.getName()).isTrue();
        Files.createDirectories(file.getParent());
        Files.copy(in, file);
      }
    }
    return into;
  }

  /** The path of a tool the test needs from the PATH, or a failure saying it is missing. */
  private static String tool(String name) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(directory, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(name + " is not on the PATH; this test builds and runs the generated SDKs with "
        + "Maven, npm and Node: install them (JDK 17+, Maven 3.8+, Node 18+ with npm)");
  }

  /** Runs a command in {@code directory} and returns what it printed, failing with its output when it fails. */
  private static String run(Path directory, String... command) throws Exception {
    Path log = Files.createTempFile("sdk-run", ".log");
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
      String output = Files.readString(log).strip();
      assertThat(process.exitValue()).as("%s in %s:%n%s", List.of(command), directory, output).isZero();
      return output;
    } finally {
      Files.delete(log);
    }
  }
}
