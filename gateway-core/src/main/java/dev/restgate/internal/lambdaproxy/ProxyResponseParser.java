package dev.restgate.internal.lambdaproxy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a Lambda proxy response the way API Gateway validates it: a JSON object with no keys but {@code statusCode,
 * headers, multiValueHeaders, body, isBase64Encoded}, nothing after it. A status may be a JSON integer or a string
 * holding one; header values may be strings, numbers or booleans (written as their JSON text); {@code null} stands
 * for an absent member throughout.
 *
 * <p>The metadata prelude of a streamed response ({@link #parsePrelude}) takes {@code statusCode, headers,
 * multiValueHeaders, cookies} instead; its cookies become {@code Set-Cookie} values.
 */
final class ProxyResponseParser {
  private ProxyResponseParser() {}

  static ProxyResponse parse(byte[] payload) throws MalformedProxyResponseException {
    return parse(payload, payload == null ? 0 : payload.length, false);
  }

  /** Parses the first {@code length} bytes of {@code prelude}, the metadata of a streamed response. */
  static ProxyResponse parsePrelude(byte[] prelude, int length) throws MalformedProxyResponseException {
    return parse(prelude, length, true);
  }

  private static ProxyResponse parse(byte[] payload, int length, boolean prelude)
      throws MalformedProxyResponseException {
    if (length == 0) {
      throw new MalformedProxyResponseException("empty payload");
    }
    try (JsonParser p = ProxyJson.FACTORY.createParser(payload, 0, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedProxyResponseException("not a JSON object");
      }
      int statusCode = 200;
      List<ProxyResponse.Header> headers = List.of();
      List<ProxyResponse.MultiHeader> multiValueHeaders = List.of();
      String body = null;
      boolean base64Encoded = false;
      List<String> cookies = List.of();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        switch (key) {
          case "statusCode" -> statusCode = statusCode(p, value);
          case "headers" -> headers = headers(p, value);
          case "multiValueHeaders" -> multiValueHeaders = multiValueHeaders(p, value);
          case "body" -> body = prelude ? unknown(key) : value == JsonToken.VALUE_NULL ? null
              : scalar(p, value, "body");
          case "isBase64Encoded" -> base64Encoded = prelude ? unknown(key) : bool(p, value);
          case "cookies" -> cookies = prelude ? cookies(p, value) : unknown(key);
          default -> unknown(key);
        }
      }
      if (!cookies.isEmpty()) {
        multiValueHeaders = new ArrayList<>(multiValueHeaders);
        multiValueHeaders.add(new ProxyResponse.MultiHeader("Set-Cookie", cookies));
      }
      if (p.nextToken() != null) {
        throw new MalformedProxyResponseException("content after the JSON object");
      }
      return new ProxyResponse(statusCode, headers, multiValueHeaders, body, base64Encoded);
    } catch (IOException e) {
      throw new MalformedProxyResponseException("invalid JSON: " + e.getMessage());
    }
  }

  private static int statusCode(JsonParser p, JsonToken value) throws IOException, MalformedProxyResponseException {
    int status;
    if (value == JsonToken.VALUE_NULL) {
      return 200;
    } else if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      status = p.getIntValue();
    } else if (value == JsonToken.VALUE_STRING) {
      try {
        status = Integer.parseInt(p.getText());
      } catch (NumberFormatException e) {
        throw new MalformedProxyResponseException("statusCode is not an integer");
      }
    } else {
      throw new MalformedProxyResponseException("statusCode is not an integer");
    }
    if (status < 100 || status > 599) {
      throw new MalformedProxyResponseException("statusCode " + status + " is out of range");
    }
    return status;
  }

  private static List<ProxyResponse.Header> headers(JsonParser p, JsonToken value)
      throws IOException, MalformedProxyResponseException {
    if (value == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (value != JsonToken.START_OBJECT) {
      throw new MalformedProxyResponseException("headers is not an object");
    }
    List<ProxyResponse.Header> headers = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      if (token != JsonToken.VALUE_NULL) {
        headers.add(new ProxyResponse.Header(name, scalar(p, token, "headers." + name)));
      }
    }
    return headers;
  }

  private static List<ProxyResponse.MultiHeader> multiValueHeaders(JsonParser p, JsonToken value)
      throws IOException, MalformedProxyResponseException {
    if (value == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (value != JsonToken.START_OBJECT) {
      throw new MalformedProxyResponseException("multiValueHeaders is not an object");
    }
    List<ProxyResponse.MultiHeader> headers = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      if (token == JsonToken.VALUE_NULL) {
        continue;
      }
      if (token != JsonToken.START_ARRAY) {
        throw new MalformedProxyResponseException("multiValueHeaders." + name + " is not a list");
      }
      List<String> values = new ArrayList<>(2);
      for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
        if (item != JsonToken.VALUE_NULL) {
          values.add(scalar(p, item, "multiValueHeaders." + name));
        }
      }
      headers.add(new ProxyResponse.MultiHeader(name, values));
    }
    return headers;
  }

  private static <T> T unknown(String key) throws MalformedProxyResponseException {
    throw new MalformedProxyResponseException("unknown key '" + key + "'");
  }

  private static List<String> cookies(JsonParser p, JsonToken value)
      throws IOException, MalformedProxyResponseException {
    if (value == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (value != JsonToken.START_ARRAY) {
      throw new MalformedProxyResponseException("cookies is not a list");
    }
    List<String> cookies = new ArrayList<>(2);
    for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
      if (item != JsonToken.VALUE_STRING) {
        throw new MalformedProxyResponseException("cookies holds something that is not a string");
      }
      cookies.add(p.getText());
    }
    return cookies;
  }

  /** A string, number or boolean as text; objects and arrays are not accepted where AWS expects a string. */
  private static String scalar(JsonParser p, JsonToken value, String member)
      throws IOException, MalformedProxyResponseException {
    return switch (value) {
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
      default -> throw new MalformedProxyResponseException(member + " is not a string");
    };
  }

  private static boolean bool(JsonParser p, JsonToken value) throws IOException, MalformedProxyResponseException {
    return switch (value) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE, VALUE_NULL -> false;
      case VALUE_STRING -> {
        String text = p.getText();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
          yield Boolean.parseBoolean(text);
        }
        throw new MalformedProxyResponseException("isBase64Encoded is not a boolean");
      }
      default -> throw new MalformedProxyResponseException("isBase64Encoded is not a boolean");
    };
  }
}
