package dev.restgate.throttling;

import java.util.regex.Pattern;

/** Redis URIs as logs may show them: the password (in {@code redis://user:password@host}) replaced. */
final class RedisUris {
  private static final Pattern CREDENTIALS = Pattern.compile("(rediss?://)([^@/]*)@");

  private RedisUris() {}

  static String withoutPassword(String uri) {
    return uri == null ? null : CREDENTIALS.matcher(uri).replaceFirst("$1****@");
  }
}
