package dev.restgate.mapping.template;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code $util}: the functions API Gateway gives templates. Stateless. */
public final class UtilVariable {
  static final UtilVariable INSTANCE = new UtilVariable();

  private UtilVariable() {}

  /**
   * Escapes with JavaScript string rules, as API Gateway does: quotes (single quotes too, as {@code \'}),
   * backslash, slash, control characters and everything outside ASCII as {@code \}{@code uXXXX}.
   */
  public String escapeJavaScript(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '/' -> out.append("\\/");
        case '\b' -> out.append("\\b");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 32 || c > 0x7f) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Parses JSON text into an object the template can navigate. */
  public Object parseJson(String json) {
    return JsonValues.parse(json);
  }

  /** {@code application/x-www-form-urlencoded} encoding, UTF-8. */
  public String urlEncode(String text) {
    return text == null ? null : URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  public String urlDecode(String text) {
    return text == null ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  public String base64Encode(String text) {
    return text == null ? null : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  public String base64Decode(String text) {
    return text == null ? null : new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
  }
}
