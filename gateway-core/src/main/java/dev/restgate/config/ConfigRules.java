package dev.restgate.config;

import dev.restgate.spi.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Value rules shared by several sections of the configuration, with the AWS limits they come from. */
public final class ConfigRules {
  public static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  public static final String REGION_RULE = "use an AWS region name such as us-east-1 or eu-west-3";
  static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  static final Pattern API_ID = Pattern.compile("[a-z0-9]{10}");
  static final String API_ID_RULE = "use 10 lower-case letters or digits, like AWS ids";
  static final Pattern DEPLOYMENT_ID = Pattern.compile("[a-z0-9]{6}");
  static final String DEPLOYMENT_ID_RULE = "use 6 lower-case letters or digits, like AWS ids";
  static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  static final String STAGE_NAME_RULE = "use 1 to 128 letters, digits, '-' or '_'";
  public static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12})?:.+");
  public static final String ARN_RULE = "use an ARN, arn:aws:{service}:{region}:{account}:{resource}";
  public static final Pattern JDBC_POSTGRESQL = Pattern.compile("jdbc:postgresql:.+");
  public static final String JDBC_POSTGRESQL_RULE =
      "use a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/gateway";
  public static final Pattern REDIS_URI = Pattern.compile("rediss?://.+");
  public static final String REDIS_URI_RULE =
      "use redis://host:6379 (or rediss:// for TLS; credentials go in the URI)";
  private static final Pattern REDIS_CREDENTIALS = Pattern.compile("(rediss?://)([^@/]*)@");

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final Pattern VARIABLE_VALUE = Pattern.compile("[A-Za-z0-9\\-._~:/?#&=,]{1,512}");
  private static final int MAX_VARIABLES = 100;
  private static final int MAX_TAGS = 50;

  private ConfigRules() {}

  /** A Redis URI as logs may show it: the credentials (in {@code redis://user:password@host}) replaced. */
  public static String redisUriForLogs(String uri) {
    return uri == null ? null : REDIS_CREDENTIALS.matcher(uri).replaceFirst("$1****@");
  }

  /** Stage variables or canary overrides: names alphanumeric and '_' (≤ 64), values ≤ 512 of a URL-ish set. */
  static Map<String, String> stageVariables(ConfigNode node) {
    Map<String, ConfigNode> entries = node.entries();
    if (entries.size() > MAX_VARIABLES) {
      node.problem("has " + entries.size() + " variables; a stage may have at most " + MAX_VARIABLES);
    }
    Map<String, String> variables = new LinkedHashMap<>();
    entries.forEach((name, value) -> {
      if (!VARIABLE_NAME.matcher(name).matches()) {
        value.problem(Json.quote(name) + " is not a valid stage variable name: use 1 to 64 letters, digits or '_'");
      }
      String text = value.required().string(VARIABLE_VALUE,
          "stage variable values are 1 to 512 characters of A-Z a-z 0-9 - . _ ~ : / ? # & = ,");
      if (text != null) {
        variables.put(name, text);
      }
    });
    return variables;
  }

  /** AWS resource tags: at most 50, keys 1 to 128 characters not starting with "aws:", values up to 256. */
  public static Map<String, String> tags(ConfigNode node) {
    Map<String, ConfigNode> entries = node.entries();
    if (entries.size() > MAX_TAGS) {
      node.problem("has " + entries.size() + " tags; at most " + MAX_TAGS + " are allowed");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    entries.forEach((key, value) -> {
      if (key.isEmpty() || key.length() > 128 || key.startsWith("aws:")) {
        value.problem(Json.quote(key) + " is not a valid tag key: use 1 to 128 characters, not starting with aws:");
      }
      String text = value.required().string();
      if (text != null && text.length() > 256) {
        value.problem("is " + text.length() + " characters long; tag values have at most 256");
      } else if (text != null) {
        tags.put(key, text);
      }
    });
    return tags;
  }

  /** A map of free-form strings (environment variables), every value a string. */
  public static Map<String, String> strings(ConfigNode node) {
    Map<String, String> strings = new LinkedHashMap<>();
    node.entries().forEach((key, value) -> {
      String text = value.required().string();
      if (text != null) {
        strings.put(key, text);
      }
    });
    return strings;
  }
}
