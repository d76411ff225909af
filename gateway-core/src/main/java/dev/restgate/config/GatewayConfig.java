package dev.restgate.config;

import dev.restgate.model.ApiKey;
import dev.restgate.model.DomainName;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import java.nio.file.Path;
import java.util.List;

/**
 * The gateway's whole configuration, loaded and checked: every API imported, every reference resolved. Produced by
 * {@link ConfigLoader} from {@code gateway.yaml} (or JSON).
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
    restApis = List.copyOf(restApis);
    apiKeys = List.copyOf(apiKeys);
    usagePlans = List.copyOf(usagePlans);
    usagePlanKeys = List.copyOf(usagePlanKeys);
    domainNames = List.copyOf(domainNames);
    identities = List.copyOf(identities);
  }
}
