package dev.restgate.spi;

import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON helpers: string quoting for the few places that build JSON text by hand, and the gateway's mapper. */
public final class Json {
  /** A plain Jackson mapper for reading JSON into maps and lists; shared, thread-safe, never reconfigured. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** {@code value} as a JSON string literal, quotes included. */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
