package dev.restgate.authorizers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import dev.restgate.config.ConfigLoader;
import dev.restgate.config.GatewayConfig;
import dev.restgate.testing.EmbeddedGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The functions of the end-to-end tests, compiled once per run from {@code src/test/fixtures} into a deployment
 * package directory: the classes, and {@code aws-lambda-java-events} in {@code lib/}.
 */
final class AuthFixtures {
  /** The integration URI of the fixture function {@code echo}, which answers with the event it got. */
  static final String ECHO_URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
      + "arn:aws:lambda:us-east-1:123456789012:function:echo/invocations";

  private static Path built;

  private AuthFixtures() {}

  /**
   * Starts a gateway as a user does: writes {@code openapi.yaml} (when given) and {@code gateway.yaml} into
   * {@code dir}, where {@code CODE} in the latter stands for the fixture functions' deployment package, and loads
   * them with the modules on the class path.
   */
  static EmbeddedGateway startGateway(Path dir, String openapi, String gatewayYaml) throws Exception {
    if (openapi != null) {
      Files.writeString(dir.resolve("openapi.yaml"), openapi);
    }
    Path file = Files.writeString(dir.resolve("gateway.yaml"), gatewayYaml.replace("CODE", functions().toString()));
    GatewayConfig config = ConfigLoader.standard(AuthFixtures.class.getClassLoader()).load(file);
    return EmbeddedGateway.start(config, dir.resolve("data"));
  }

  /** The deployment package directory. */
  static synchronized Path functions() {
    if (built == null) {
      try {
        built = build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return built;
  }

  private static Path build() throws IOException {
    Path sources = Path.of(System.getProperty("restgate.test.fixtureSources"));
    Path output = Path.of(System.getProperty("restgate.test.fixtureOutput"));
    if (Files.exists(output)) {
      try (Stream<Path> files = Files.walk(output)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Path classes = Files.createDirectories(output.resolve("package"));
    Path events = jarOf(APIGatewayCustomAuthorizerEvent.class);
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        jarOf(Context.class) + java.io.File.pathSeparator + events, "--release", "17", "-proc:none", "-nowarn"));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, arguments.toArray(new String[0])) != 0) {
      throw new IllegalStateException("the fixture functions do not compile");
    }
    Path lib = Files.createDirectories(classes.resolve("lib"));
    Files.copy(events, lib.resolve(events.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    return classes;
  }

  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
