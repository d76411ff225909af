package dev.restgate.config;

import dev.restgate.model.ApiKey;
import dev.restgate.model.DomainName;
import dev.restgate.model.RestApi;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's whole configuration, loaded and checked: every API imported, every reference resolved. Produced by
 * {@link ConfigLoader} from {@code gateway.yaml} (or JSON), or built in code with {@link #builder()}.
 *
 * <p>Absent parts take their defaults: null lists are empty, a null region, account, Lambda, store or rate
 * limiting configuration is the default one.
 *
 * @param region the AWS region the gateway presents itself as ({@code us-east-1} by default)
 * @param accountId the AWS account id the gateway presents itself as ({@code 123456789012} by default)
 * @param source the configuration file, or null when the configuration was built in code
 */
public record GatewayConfig(
    String region,
    String accountId,
    List<ApiConfig> restApis,
    List<ApiKey> apiKeys,
    List<UsagePlan> usagePlans,
    List<UsagePlanKey> usagePlanKeys,
    List<DomainName> domainNames,
    List<IdentityConfig> identities,
    LambdaConfig lambda,
    StoreConfig store,
    RateLimitingConfig rateLimiting,
    Path source) {

  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "123456789012";

  public GatewayConfig {
    region = region == null ? DEFAULT_REGION : region;
    accountId = accountId == null ? DEFAULT_ACCOUNT_ID : accountId;
    restApis = copy(restApis);
    apiKeys = copy(apiKeys);
    usagePlans = copy(usagePlans);
    usagePlanKeys = copy(usagePlanKeys);
    domainNames = copy(domainNames);
    identities = copy(identities);
    lambda = lambda == null ? LambdaConfig.NONE : lambda;
    store = store == null ? StoreConfig.EMBEDDED : store;
    rateLimiting = rateLimiting == null ? RateLimitingConfig.LOCAL : rateLimiting;
  }

  /** A builder starting from the defaults: no APIs, embedded store, local rate limiting. */
  public static Builder builder() {
    return new Builder();
  }

  /** The API with id {@code apiId}. */
  public Optional<ApiConfig> restApi(String apiId) {
    return restApis.stream().filter(api -> api.id().equals(apiId)).findFirst();
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /**
   * Builds a configuration in code (tests, embedding). Unlike {@link ConfigLoader} it checks nothing beyond what
   * the records themselves check: references between parts are the caller's business.
   */
  public static final class Builder {
    private String region = DEFAULT_REGION;
    private String accountId = DEFAULT_ACCOUNT_ID;
    private final List<ApiConfig> restApis = new ArrayList<>();
    private final List<ApiKey> apiKeys = new ArrayList<>();
    private final List<UsagePlan> usagePlans = new ArrayList<>();
    private final List<UsagePlanKey> usagePlanKeys = new ArrayList<>();
    private final List<DomainName> domainNames = new ArrayList<>();
    private final List<IdentityConfig> identities = new ArrayList<>();
    private LambdaConfig lambda = LambdaConfig.NONE;
    private StoreConfig store = StoreConfig.EMBEDDED;
    private RateLimitingConfig rateLimiting = RateLimitingConfig.LOCAL;
    private Path source;

    private Builder() {}

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    public Builder restApi(ApiConfig api) {
      restApis.add(api);
      return this;
    }

    /** Adds {@code api} with one deployment and these stages; see {@link ApiConfig#of}. */
    public Builder restApi(RestApi api, String... stageNames) {
      return restApi(ApiConfig.of(api, stageNames));
    }

    public Builder apiKey(ApiKey apiKey) {
      apiKeys.add(apiKey);
      return this;
    }

    public Builder usagePlan(UsagePlan usagePlan) {
      usagePlans.add(usagePlan);
      return this;
    }

    public Builder usagePlanKey(UsagePlanKey usagePlanKey) {
      usagePlanKeys.add(usagePlanKey);
      return this;
    }

    public Builder domainName(DomainName domainName) {
      domainNames.add(domainName);
      return this;
    }

    public Builder identity(IdentityConfig identity) {
      identities.add(identity);
      return this;
    }

    public Builder lambda(LambdaConfig lambda) {
      this.lambda = lambda;
      return this;
    }

    public Builder store(StoreConfig store) {
      this.store = store;
      return this;
    }

    public Builder rateLimiting(RateLimitingConfig rateLimiting) {
      this.rateLimiting = rateLimiting;
      return this;
    }

    public Builder source(Path source) {
      this.source = source;
      return this;
    }

    public GatewayConfig build() {
      return new GatewayConfig(region, accountId, restApis, apiKeys, usagePlans, usagePlanKeys, domainNames,
          identities, lambda, store, rateLimiting, source);
    }
  }
}
