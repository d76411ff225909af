package dev.restgate.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Fixture loading and import shortcuts shared by the importer tests. */
final class Imports {
  static final String API_ID = "a1b2c3d4e5";
  static final String REGION = "eu-west-1";
  static final String ACCOUNT = "123456789012";

  private Imports() {}

  static ApiImporter.Options options(String source) {
    return new ApiImporter.Options(API_ID, source, null, false, REGION, ACCOUNT, "aws");
  }

  static ApiImporter.Options options(String source, String basepath) {
    return new ApiImporter.Options(API_ID, source, basepath, false, REGION, ACCOUNT, "aws");
  }

  static ApiImporter.Options failingOnWarnings(String source) {
    return new ApiImporter.Options(API_ID, source, null, true, REGION, ACCOUNT, "aws");
  }

  static byte[] fixture(String name) {
    try (InputStream in = Imports.class.getResourceAsStream("/import/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ApiImporter.Result importFixture(String name) throws ProblemsException {
    return new OpenApiImporter().importApi(fixture(name), options(name));
  }

  static ApiImporter.Result importText(String document) throws ProblemsException {
    return new OpenApiImporter().importApi(document.getBytes(StandardCharsets.UTF_8), options("inline.yaml"));
  }

  /** The problems of a refused import. */
  static List<Problem> refusal(byte[] document, ApiImporter.Options options) {
    ProblemsException refused = catchThrowableOfType(ProblemsException.class,
        () -> new OpenApiImporter().importApi(document, options));
    assertThat(refused).as("the import is refused").isNotNull();
    return refused.problems();
  }

  static List<Problem> refusal(String document) {
    return refusal(document.getBytes(StandardCharsets.UTF_8), options("inline.yaml"));
  }

  static Resource resource(RestApi api, String path) {
    return api.resources().stream().filter(r -> r.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + path + " in " + paths(api)));
  }

  static Method method(RestApi api, String path, String verb) {
    Method method = resource(api, path).resourceMethods().get(verb);
    assertThat(method).as(verb + " " + path).isNotNull();
    return method;
  }

  static List<String> paths(RestApi api) {
    return api.resources().stream().map(Resource::path).toList();
  }

  /** The JSON pointers of problems, in order. */
  static List<String> pointers(List<Problem> problems) {
    return problems.stream().map(Problem::pointer).toList();
  }
}
