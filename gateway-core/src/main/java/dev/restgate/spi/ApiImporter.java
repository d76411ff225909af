package dev.restgate.spi;

import dev.restgate.model.RestApi;
import java.util.List;

/**
 * Turns an API definition document (OpenAPI 3.0 or Swagger 2.0 with {@code x-amazon-apigateway-*} extensions, JSON
 * or YAML) into a {@link RestApi}. Found with {@link java.util.ServiceLoader} (list the implementation in
 * {@code META-INF/services/dev.restgate.spi.ApiImporter}); the configuration loader uses the first one. Thread-safe.
 */
public interface ApiImporter {

  /**
   * Imports one document, all or nothing.
   *
   * @param document the document's bytes
   * @param options how to import it
   * @return the API and the warnings about what it ignored
   * @throws ProblemsException listing every error (each with its JSON pointer), or every warning when
   *     {@link Options#failOnWarnings()} is set and there are any
   */
  Result importApi(byte[] document, Options options) throws ProblemsException;

  /**
   * Import options.
   *
   * @param apiId the id to give the API (and use in expanded resource policies)
   * @param source a name for the document in problems (its file name)
   * @param basepath {@code ignore} (default), {@code prepend} or {@code split}
   * @param region replaces {@code ${AWS::Region}}
   * @param accountId replaces {@code ${AWS::AccountId}}
   * @param partition replaces {@code ${AWS::Partition}} ({@code aws})
   */
  record Options(String apiId, String source, String basepath, boolean failOnWarnings, String region,
      String accountId, String partition) {}

  /** The imported API, with {@link RestApi#warnings()} also listed as problems with their locations. */
  record Result(RestApi api, List<Problem> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }
}
