package dev.restgate.openapi;

import dev.restgate.model.RequestValidator;
import dev.restgate.spi.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The document's {@code x-amazon-apigateway-request-validators}, its default
 * {@code x-amazon-apigateway-request-validator}, and which validator each operation uses (its own, else the
 * default).
 */
final class RequestValidators {
  private static final Set<String> FIELDS = Set.of("validateRequestBody", "validateRequestParameters");

  private final FieldReader reader;
  private final Map<String, RequestValidator> byName = new LinkedHashMap<>();
  private final String defaultId;

  RequestValidators(String apiId, Located root, FieldReader reader) {
    this.reader = reader;
    Located all = root.get(Extensions.REQUEST_VALIDATORS);
    if (reader.object(all)) {
      for (Map.Entry<String, Located> field : all.fields()) {
        Located validator = field.getValue();
        if (!reader.object(validator)) {
          continue;
        }
        validator.fields().stream().filter(f -> !FIELDS.contains(f.getKey())).forEach(f -> reader.problems()
            .warning(f.getValue(), "Unknown request validator property " + f.getKey() + "; ignored"));
        byName.put(field.getKey(), new RequestValidator(Ids.derive(10, apiId, "validator", field.getKey()),
            field.getKey(),
            flag(validator.get("validateRequestBody")), flag(validator.get("validateRequestParameters"))));
      }
    }
    defaultId = idOf(root.get(Extensions.REQUEST_VALIDATOR));
  }

  List<RequestValidator> all() {
    return new ArrayList<>(byName.values());
  }

  /** The id of the validator the operation names, else of the document's default; null for none. */
  String forOperation(Located operation) {
    Located own = operation.get(Extensions.REQUEST_VALIDATOR);
    return own.exists() ? idOf(own) : defaultId;
  }

  private String idOf(Located reference) {
    String name = reader.text(reference);
    if (name == null) {
      return null;
    }
    RequestValidator validator = byName.get(name);
    if (validator == null) {
      reader.problems().error(reference, "Request validator '" + name + "' is not defined in "
          + Extensions.REQUEST_VALIDATORS);
      return null;
    }
    return validator.id();
  }

  private boolean flag(Located at) {
    return Boolean.TRUE.equals(reader.bool(at));
  }
}
