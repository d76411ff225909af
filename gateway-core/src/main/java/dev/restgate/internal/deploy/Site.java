package dev.restgate.internal.deploy;

import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.spi.MethodSite;
import java.util.Optional;

/** The {@link MethodSite} handed to factories while one method is compiled. */
record Site(RestApi api, Resource resource, Method method, Stage stage, String region, String accountId,
    Services services) implements MethodSite {

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return services.find(type);
  }
}
