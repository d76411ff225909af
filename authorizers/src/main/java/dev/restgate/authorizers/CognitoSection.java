package dev.restgate.authorizers;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigSection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code cognito.userPools}: for each user pool a {@code COGNITO_USER_POOLS} authorizer names, the issuer its tokens
 * carry and the URL of its key set, so any OpenID Connect provider or a self-hosted key server can stand in for
 * Cognito. A pool not listed is AWS's: issuer {@code https://cognito-idp.{region}.amazonaws.com/{poolId}}.
 */
public final class CognitoSection implements ConfigSection<CognitoConfig> {
  private static final List<String> KEYS = List.of("userPools");
  private static final List<String> POOL_KEYS = List.of("id", "issuer", "jwksUri");
  private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
  private static final String JWKS_PATH = "/.well-known/jwks.json";

  @Override
  public List<String> keys() {
    return List.of("cognito");
  }

  @Override
  public Class<CognitoConfig> type() {
    return CognitoConfig.class;
  }

  @Override
  public CognitoConfig read(ConfigNode root, ConfigContext context) {
    ConfigNode node = root.field("cognito");
    if (!node.isObjectWith(KEYS)) {
      return CognitoConfig.NONE;
    }
    List<CognitoConfig.UserPool> pools = new ArrayList<>();
    Map<String, String> pointers = new HashMap<>();
    for (ConfigNode pool : node.field("userPools").list()) {
      if (!pool.isObjectWith(POOL_KEYS)) {
        continue;
      }
      String id = pool.field("id").required().string(POOL_ID,
          "use the pool id of the user pool's ARN, {region}_{letters and digits} such as us-east-1_AbCdEf123");
      if (id != null) {
        String first = pointers.putIfAbsent(id, pool.pointer());
        if (first != null) {
          pool.field("id").problem("is also the id of " + first + "; list each pool once");
        }
      }
      URI issuer = httpUrl(pool.field("issuer").required());
      URI jwksUri = httpUrl(pool.field("jwksUri"));
      if (issuer != null && jwksUri == null && !pool.field("jwksUri").isPresent()) {
        String base = issuer.toString();
        jwksUri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + JWKS_PATH);
      }
      if (id != null && issuer != null && jwksUri != null) {
        pools.add(new CognitoConfig.UserPool(id, issuer.toString(), jwksUri));
      }
    }
    return new CognitoConfig(pools);
  }

  private static URI httpUrl(ConfigNode node) {
    String text = node.string();
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getRawQuery() == null && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, like any other value that is not an http(s) URL
    }
    node.problem("\"" + text + "\" is not an http or https URL such as https://auth.example.com/realms/main");
    return null;
  }
}
