package dev.restgate.spi;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An API's {@code binaryMediaTypes}, compiled once: decides whether a {@code Content-Type} or {@code Accept} header
 * names a binary media type. Entries may use {@code *} as a wildcard ({@code image/*}, <code>*&#47;*</code>).
 *
 * <p>Only the first media type of a header counts (AWS honours only the first {@code Accept} type), parameters are
 * ignored, and matching ignores case. A missing header counts as {@code application/json}, the type AWS assumes
 * for a request without {@code Content-Type} or {@code Accept}. Immutable and thread-safe.
 */
public final class BinaryMediaTypes {
  private static final BinaryMediaTypes NONE = new BinaryMediaTypes(new Pattern[0]);
  private static final String ASSUMED_TYPE = "application/json";

  private final Pattern[] patterns;

  private BinaryMediaTypes(Pattern[] patterns) {
    this.patterns = patterns;
  }

  /** The compiled form of {@code mediaTypes} (the {@code RestApi.binaryMediaTypes} list; may be null or empty). */
  public static BinaryMediaTypes of(List<String> mediaTypes) {
    if (mediaTypes == null || mediaTypes.isEmpty()) {
      return NONE;
    }
    Pattern[] compiled = new Pattern[mediaTypes.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = glob(mediaTypes.get(i).trim().toLowerCase(Locale.ROOT));
    }
    return new BinaryMediaTypes(compiled);
  }

  /** Whether the first media type of {@code headerValue} (null when the header is absent) is binary. */
  public boolean matches(String headerValue) {
    if (patterns.length == 0) {
      return false;
    }
    String mediaType = firstMediaType(headerValue);
    for (Pattern pattern : patterns) {
      if (pattern.matcher(mediaType).matches()) {
        return true;
      }
    }
    return false;
  }

  private static String firstMediaType(String headerValue) {
    if (headerValue == null || headerValue.isBlank()) {
      return ASSUMED_TYPE;
    }
    int end = headerValue.length();
    for (int i = 0; i < headerValue.length(); i++) {
      char c = headerValue.charAt(i);
      if (c == ';' || c == ',') {
        end = i;
        break;
      }
    }
    return headerValue.substring(0, end).trim().toLowerCase(Locale.ROOT);
  }

  private static Pattern glob(String mediaType) {
    StringBuilder regex = new StringBuilder();
    int start = 0;
    for (int star = mediaType.indexOf('*'); star >= 0; star = mediaType.indexOf('*', start)) {
      regex.append(Pattern.quote(mediaType.substring(start, star))).append(".*");
      start = star + 1;
    }
    return Pattern.compile(regex.append(Pattern.quote(mediaType.substring(start))).toString());
  }
}
