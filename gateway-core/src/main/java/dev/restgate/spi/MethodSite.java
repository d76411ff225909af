package dev.restgate.spi;

import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;

/**
 * What a {@link PluginFactory} sees when it builds the plugin of one method: the deployed API, the resource, the
 * method and the stage serving them, plus the gateway's long-lived services.
 */
public interface MethodSite {
  RestApi api();

  Resource resource();

  Method method();

  Stage stage();

  /** The AWS region the gateway presents itself as. */
  String region();

  /** The AWS account id the gateway presents itself as. */
  String accountId();

  /** The services modules registered (see {@link ModuleContext#registerService}), or empty. */
  <T> java.util.Optional<T> service(Class<T> type);
}
