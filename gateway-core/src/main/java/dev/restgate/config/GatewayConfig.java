package dev.restgate.config;

import dev.restgate.model.RestApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's whole configuration, loaded and checked: every API imported, every reference resolved. Produced by
 * {@link ConfigLoader} from {@code gateway.yaml} (or JSON), or built in code with {@link #builder()}.
 *
 * <p>Core owns {@code region}, {@code accountId} and {@code restApis}; every other part of the file belongs to a
 * module's {@link ConfigSection} and is kept here as that section's value, by its type.
 *
 * @param region the AWS region the gateway presents itself as ({@code us-east-1} by default)
 * @param accountId the AWS account id the gateway presents itself as ({@code 123456789012} by default)
 * @param sections the values of the modules' sections, by their type
 * @param source the configuration file, or null when the configuration was built in code
 * @param files every file and directory the configuration was read from or names (the configuration file, API
 *     bodies, function code): what live reload watches; empty when the configuration was built in code
 */
public record GatewayConfig(String region, String accountId, List<ApiConfig> restApis,
    Map<Class<?>, Object> sections, Path source, List<Path> files) {

  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "123456789012";

  public GatewayConfig {
    region = region == null ? DEFAULT_REGION : region;
    accountId = accountId == null ? DEFAULT_ACCOUNT_ID : accountId;
    restApis = restApis == null ? List.of() : List.copyOf(restApis);
    sections = sections == null ? Map.of() : Map.copyOf(sections);
    sections.forEach((type, value) -> type.cast(value));
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** A builder starting from the defaults: no APIs, no sections. */
  public static Builder builder() {
    return new Builder();
  }

  /** The API with id {@code apiId}. */
  public Optional<ApiConfig> restApi(String apiId) {
    return restApis.stream().filter(api -> api.id().equals(apiId)).findFirst();
  }

  /**
   * The value of the section of type {@code type}; empty when no section of that type was read (its module was not
   * on the class path when the file was loaded, or a configuration built in code left it out).
   */
  public <T> Optional<T> section(Class<T> type) {
    return Optional.ofNullable(type.cast(sections.get(type)));
  }

  /**
   * Builds a configuration in code (tests, embedding). Unlike {@link ConfigLoader} it checks nothing beyond what
   * the records themselves check: references between parts are the caller's business.
   */
  public static final class Builder {
    private String region = DEFAULT_REGION;
    private String accountId = DEFAULT_ACCOUNT_ID;
    private final List<ApiConfig> restApis = new ArrayList<>();
    private final Map<Class<?>, Object> sections = new LinkedHashMap<>();
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

    /** Sets the value of a module's section, as its {@link ConfigSection} would have read it. */
    public <T> Builder section(Class<T> type, T value) {
      sections.put(type, type.cast(value));
      return this;
    }

    public Builder source(Path source) {
      this.source = source;
      return this;
    }

    public GatewayConfig build() {
      return new GatewayConfig(region, accountId, restApis, sections, source, List.of());
    }
  }
}
