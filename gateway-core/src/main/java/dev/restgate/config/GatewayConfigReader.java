package dev.restgate.config;

import dev.restgate.spi.ApiImporter;
import java.nio.file.Path;
import java.util.List;

/** Reads the whole configuration tree, section by section, references after what they reference. */
final class GatewayConfigReader {
  static final List<String> KEYS = List.of("region", "accountId", "restApis", "apiKeys", "usagePlans",
      "usagePlanKeys", "domainNames", "identities", "lambda", "store", "rateLimiting");

  private GatewayConfigReader() {}

  /** The configuration; meaningful only when no problem was reported. */
  static GatewayConfig read(Node root, Path configFile, ApiImporter importer, Problems problems) {
    if (!root.isObjectWith(KEYS)) {
      return null;
    }
    String region = root.field("region").string(Rules.REGION, Rules.REGION_RULE);
    String accountId = root.field("accountId").string(Rules.ACCOUNT_ID, "use the 12 digits of an AWS account id");
    region = region == null ? GatewayConfig.DEFAULT_REGION : region;
    accountId = accountId == null ? GatewayConfig.DEFAULT_ACCOUNT_ID : accountId;

    ApiCatalog catalog = new ApiCatalog();
    List<ApiConfig> apis = new RestApiReader(configFile, importer, region, accountId, problems, catalog)
        .read(root.field("restApis"));
    References keyReferences = new References("API key");
    var apiKeys = ApiKeyReader.read(root.field("apiKeys"), catalog, keyReferences);
    UsagePlanReader plans = new UsagePlanReader(catalog);
    var usagePlans = plans.readPlans(root.field("usagePlans"));
    var usagePlanKeys = plans.readPlanKeys(root.field("usagePlanKeys"), keyReferences);
    return new GatewayConfig(region, accountId, apis, apiKeys, usagePlans, usagePlanKeys,
        DomainNameReader.read(root.field("domainNames"), catalog),
        IdentityReader.read(root.field("identities")),
        LambdaReader.read(root.field("lambda"), configFile),
        BackendReader.store(root.field("store")),
        BackendReader.rateLimiting(root.field("rateLimiting")),
        configFile);
  }
}
