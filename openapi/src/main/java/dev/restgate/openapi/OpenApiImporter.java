package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Imports Swagger 2.0 and OpenAPI 3.0.x documents (JSON or YAML) with their {@code x-amazon-apigateway-*}
 * extensions into a {@link RestApi}, the way API Gateway's {@code ImportRestApi} does (see
 * {@code docs/openapi-import.md} for the mapping).
 *
 * <p>All or nothing: a document with errors gives a {@link ProblemsException} listing every error, each with the
 * JSON pointer of the offending value in the document. Things a REST API import ignores (HTTP API extensions,
 * unknown {@code x-amazon-apigateway-*} names, OpenAPI features API Gateway does not support) are warnings, returned
 * with the API, or thrown as the problems when {@link ApiImporter.Options#failOnWarnings()} is set.
 *
 * <p>Ids (resources, authorizers, validators, models) derive from {@link ApiImporter.Options#apiId()} and the
 * definition, so importing the same document again gives the same ids. Stateless and thread-safe.
 */
public final class OpenApiImporter implements ApiImporter {

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code document}, {@code options} or {@code options.apiId()} is null
   */
  @Override
  public Result importApi(byte[] document, Options options) throws ProblemsException {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(options.apiId(), "options.apiId");
    Problems problems = new Problems(options.source());
    RestApi api = read(document, options, problems);
    String name = options.source() == null ? "the API definition" : options.source();
    if (problems.hasErrors()) {
      List<Problem> refused = new ArrayList<>(problems.errors());
      if (options.failOnWarnings()) {
        refused.addAll(problems.warnings());
      }
      throw new ProblemsException("Cannot import " + name + ": " + count(problems.errors().size(), "error"),
          refused);
    }
    if (options.failOnWarnings() && !problems.warnings().isEmpty()) {
      throw new ProblemsException("Import of " + name + " refused because failOnWarnings is set: "
          + count(problems.warnings().size(), "warning"), problems.warnings());
    }
    return new Result(api, problems.warnings());
  }

  private static RestApi read(byte[] document, Options options, Problems problems) {
    JsonNode tree = DocumentReader.read(document, problems);
    if (tree == null) {
      return null;
    }
    JsonNode resolved = AwsVariables.substitute(tree, options, problems);
    SpecVersion version = SpecVersion.detect(Located.root(resolved), problems);
    return version == null ? null : new RestApiReader(resolved, version, options, problems).read();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
