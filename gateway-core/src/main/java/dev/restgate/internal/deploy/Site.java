package dev.restgate.internal.deploy;

import java.util.Map;
import dev.restgate.http.HttpMethods;
import dev.restgate.model.Method;
import dev.restgate.model.MethodSetting;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.spi.MethodArn;
import dev.restgate.spi.MethodSite;
import java.util.Optional;

/** The {@link MethodSite} handed to factories while one method is compiled. */
final class Site implements MethodSite {
  private final RestApi api;
  private final Resource resource;
  private final Method method;
  private final Stage stage;
  private final String region;
  private final String accountId;
  private final Services services;
  private final MethodSetting methodSetting;
  private final MethodArn methodArn;
  private final boolean routed;

  Site(RestApi api, Resource resource, Method method, Stage stage, String region, String accountId,
      Services services) {
    this(api, resource, method, stage, region, accountId, services, true);
  }

  private Site(RestApi api, Resource resource, Method method, Stage stage, String region, String accountId,
      Services services, boolean routed) {
    this.api = api;
    this.resource = resource;
    this.method = method;
    this.stage = stage;
    this.region = region;
    this.accountId = accountId;
    this.services = services;
    this.methodSetting = MethodSetting.effective(stage, resource.path(), method.httpMethod());
    this.methodArn = MethodArn.of(region, accountId, api.id(), stage.stageName());
    this.routed = routed;
  }

  /** The stage's site of requests no method serves: the root path, {@code ANY}, no integration. */
  static Site unrouted(RestApi api, Stage stage, String region, String accountId, Services services) {
    Method any = new Method(HttpMethods.ANY, "NONE", null, false, null, null, null, null, null, null, null, null);
    Resource root = new Resource(null, null, "", "/", Map.of());
    return new Site(api, root, any, stage, region, accountId, services, false);
  }

  @Override
  public boolean routed() {
    return routed;
  }

  @Override
  public RestApi api() {
    return api;
  }

  @Override
  public Resource resource() {
    return resource;
  }

  @Override
  public Method method() {
    return method;
  }

  @Override
  public Stage stage() {
    return stage;
  }

  @Override
  public String region() {
    return region;
  }

  @Override
  public String accountId() {
    return accountId;
  }

  @Override
  public MethodSetting methodSetting() {
    return methodSetting;
  }

  @Override
  public MethodArn methodArn() {
    return methodArn;
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return services.find(type);
  }
}
