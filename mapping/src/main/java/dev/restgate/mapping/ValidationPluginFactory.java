package dev.restgate.mapping;

import com.networknt.schema.Schema;
import dev.restgate.model.Method;
import dev.restgate.model.RequestValidator;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Request validation ({@code x-amazon-apigateway-request-validators}): for a method with a validator, the required
 * parameters and the body models it asks for, compiled once per method.
 */
public final class ValidationPluginFactory implements PluginFactory<Void> {

  @Override
  public String name() {
    return "validation";
  }

  @Override
  public Phase phase() {
    return Phase.VALIDATE;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Void config) {
    Method method = site.method();
    if (method.requestValidatorId() == null) {
      return Optional.empty();
    }
    RequestValidator validator = site.api().requestValidators().stream()
        .filter(v -> v.id().equals(method.requestValidatorId())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The method names request validator "
            + method.requestValidatorId() + ", which the API does not define"));
    boolean parameters = Boolean.TRUE.equals(validator.validateRequestParameters());
    boolean body = Boolean.TRUE.equals(validator.validateRequestBody());
    if (!parameters && !body) {
      return Optional.empty();
    }
    Map<String, ParameterExpression> required = new LinkedHashMap<>();
    if (parameters) {
      // AWS reports missing parameters ordered by their full name: headers, then path, then query string.
      new TreeMap<>(method.requestParameters()).forEach((name, isRequired) -> {
        if (Boolean.TRUE.equals(isRequired)) {
          required.put(name.substring(name.lastIndexOf('.') + 1), ParameterExpression.parse(name));
        }
      });
    }
    Map<String, Schema> models = null;
    Schema fallback = null;
    if (body) {
      ModelSchemas schemas = new ModelSchemas(site.api());
      models = new HashMap<>();
      for (Map.Entry<String, String> model : method.requestModels().entrySet()) {
        models.put(MediaTypes.ofContentType(model.getKey()), schemas.schema(model.getValue()));
      }
      fallback = schemas.schema(ModelSchemas.EMPTY);
    }
    return Optional.of(new ValidationPlugin(Collections.unmodifiableMap(required),
        models == null ? null : Map.copyOf(models), fallback));
  }
}
