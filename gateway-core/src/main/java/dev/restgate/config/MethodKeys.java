package dev.restgate.config;

import dev.restgate.http.HttpMethods;
import dev.restgate.model.MethodSetting;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The two ways AWS names a method in settings, for sections that check such keys: stage method settings use
 * {@code {path without leading /}/{METHOD}} (<code>*&#47;*</code> for all), usage plan throttles use
 * {@code /{path}/{METHOD}} ({@code //GET} for the root).
 */
public final class MethodKeys {
  private static final int MAX_LISTED = 20;

  private MethodKeys() {}

  /** The {@code [path, METHOD]} of a method settings key, or null when it is not of that form. */
  public static String[] parseStageKey(String key) {
    return parse("/" + key);
  }

  /** The {@code [path, METHOD]} of a usage plan throttle key, or null when it is not of that form. */
  public static String[] parseThrottleKey(String key) {
    return key.startsWith("/") ? parse(key) : null;
  }

  private static String[] parse(String slashed) {
    int slash = slashed.lastIndexOf('/');
    String path = slash == 0 ? "/" : slashed.substring(0, slash);
    String method = slashed.substring(slash + 1);
    if (!HttpMethods.METHODS.contains(method) || (path.length() > 1 && path.endsWith("/")) || path.contains("//")) {
      return null;
    }
    return new String[] {path, method};
  }

  /** Whether any of {@code apis} has the method {@code method} on the resource {@code path}. */
  public static boolean exists(Collection<RestApi> apis, String path, String method) {
    return apis.stream().flatMap(api -> api.resources().stream())
        .anyMatch(r -> r.path().equals(path) && r.resourceMethods().containsKey(method));
  }

  /** The methods of {@code apis} in stage-key form, for messages (the first twenty). */
  public static String listStageKeys(Collection<RestApi> apis) {
    return list(apis, false);
  }

  /** The methods of {@code apis} in throttle-key form, for messages (the first twenty). */
  public static String listThrottleKeys(Collection<RestApi> apis) {
    return list(apis, true);
  }

  private static String list(Collection<RestApi> apis, boolean leadingSlash) {
    List<String> keys = new ArrayList<>();
    for (RestApi api : apis) {
      for (Resource resource : api.resources()) {
        for (String method : resource.resourceMethods().keySet()) {
          String key = (leadingSlash ? "/" : "") + MethodSetting.key(resource.path(), method);
          if (!keys.contains(key)) {
            keys.add(key);
          }
        }
      }
    }
    if (keys.isEmpty()) {
      return "(the API has no methods)";
    }
    String listed = String.join(", ", keys.subList(0, Math.min(keys.size(), MAX_LISTED)));
    return keys.size() > MAX_LISTED ? listed + ", ..." : listed;
  }
}
