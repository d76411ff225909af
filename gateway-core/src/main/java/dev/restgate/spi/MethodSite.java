package dev.restgate.spi;

import dev.restgate.model.Method;
import dev.restgate.model.MethodSetting;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import java.util.Optional;

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

  /**
   * The stage's method settings in effect for this method: its own {@code methodSettings} entry over the
   * <code>*&#47;*</code> entry, merged once per method.
   */
  MethodSetting methodSetting();

  /** The ARNs of this stage's methods ({@code arn:aws:execute-api:...}). */
  MethodArn methodArn();

  /**
   * Whether this is a method of the API (true), or the stage's site of requests that no method serves (false), for
   * which only EDGE factories are asked, once per stage, so that access logs and metrics see those requests too. Its
   * resource is the API's root path and its method {@code ANY} without an integration; a factory keying anything on
   * the method treats it as the stage, or builds nothing for it.
   */
  default boolean routed() {
    return true;
  }

  /** The service of {@code type} the gateway or a module registered (see {@link ModuleContext#registerService}). */
  <T> Optional<T> service(Class<T> type);
}
