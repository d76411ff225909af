package dev.restgate.authorizers.sigv4;

import dev.restgate.authorizers.sigv4.SignatureRefusal.Kind;
import dev.restgate.http.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What a request says about its signature, from its Authorization header or its presigned query, read but not yet
 * believed.
 *
 * @param signedHeaders lower-case, sorted, without duplicates
 * @param signature as sent, hex
 * @param amzDate the date in ISO 8601 basic format, {@code 20150830T123600Z}, as it goes into the string to sign
 * @param dateText the {@code X-Amz-Date} (or {@code Date}) as sent
 * @param expiresSeconds {@code X-Amz-Expires} of a presigned request; 0 for the header form
 * @param securityToken {@code X-Amz-Security-Token}, from the header or else the query; null when absent
 */
record SignatureClaim(boolean presigned, Credential credential, List<String> signedHeaders, String signature,
    Instant date, String amzDate, String dateText, long expiresSeconds, String securityToken) {
  static final String TERMINATOR = "aws4_request";
  static final String SIGNATURE = "X-Amz-Signature";
  static final String SECURITY_TOKEN = "X-Amz-Security-Token";
  static final String ALGORITHM = "X-Amz-Algorithm";
  static final String CREDENTIAL = "X-Amz-Credential";
  static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
  static final String DATE = "X-Amz-Date";
  static final String EXPIRES = "X-Amz-Expires";
  static final long MAX_EXPIRES_SECONDS = 604_800;

  private static final String HEADER_PREFIX = CanonicalRequest.ALGORITHM + ' ';
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final DateTimeFormatter ISO_BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

  /**
   * @throws Refusal {@code MissingAuthenticationToken} without a signature, {@code IncompleteSignature} when a part
   *     is missing or cannot be read
   */
  static SignatureClaim parse(Headers headers, CanonicalQuery query) throws Refusal {
    String authorization = headers.first("Authorization");
    boolean presigned = query.contains(SIGNATURE) || query.contains(ALGORITHM);
    if (authorization == null) {
      if (!presigned) {
        throw new Refusal(Kind.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
      }
      return fromQuery(headers, query);
    }
    if (presigned) {
      throw new Refusal(Kind.INCOMPLETE_SIGNATURE, "Only one auth mechanism allowed; only the X-Amz-Algorithm query "
          + "parameter, Signature query string parameter or the Authorization header should be specified");
    }
    return fromHeader(authorization, headers, query);
  }

  /** {@code date/region/service/aws4_request} as the client scoped its credential. */
  String scope() {
    return credential.date + '/' + credential.region + '/' + credential.service + '/' + credential.terminator;
  }

  /** @throws Refusal {@code InvalidSignature} when the scope is not this service's or {@code host} is not signed */
  void checkScope(String service, String region) throws Refusal {
    StringBuilder problems = new StringBuilder();
    if (!credential.region.equals(region)) {
      problems.append("Credential should be scoped to a valid region, not '").append(credential.region).append("'. ");
    }
    if (!credential.service.equals(service)) {
      problems.append("Credential should be scoped to correct service: '").append(service).append("'. ");
    }
    if (!credential.terminator.equals(TERMINATOR)) {
      problems.append("Credential should be scoped with a valid terminator: '" + TERMINATOR + "', not '")
          .append(credential.terminator).append("'. ");
    }
    String day = amzDate.substring(0, 8);
    if (!credential.date.equals(day)) {
      problems.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '")
          .append(credential.date).append("' != '").append(day).append("', from '").append(dateText).append("'.");
    }
    if (problems.length() > 0) {
      throw new Refusal(Kind.INVALID_SIGNATURE, problems.toString());
    }
    if (!signedHeaders.contains("host")) {
      throw new Refusal(Kind.INVALID_SIGNATURE,
          "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
  }

  /**
   * The header form is good for 5 minutes either side of its date; a presigned request from 5 minutes before its date
   * until {@code X-Amz-Expires} after it.
   *
   * @param now whole seconds
   * @throws Refusal {@code InvalidSignature} outside that window
   */
  void checkTime(Instant now) throws Refusal {
    Instant latest = now.plus(SKEW);
    if (date.isAfter(latest)) {
      throw new Refusal(Kind.INVALID_SIGNATURE, "Signature not yet current: " + amzDate + " is still later than "
          + ISO_BASIC.format(latest) + " (" + ISO_BASIC.format(now) + " + 5 min.)");
    }
    Instant earliest = presigned ? now.minusSeconds(expiresSeconds) : now.minus(SKEW);
    if (date.isBefore(earliest)) {
      throw new Refusal(Kind.INVALID_SIGNATURE, "Signature expired: " + amzDate + " is now earlier than "
          + ISO_BASIC.format(earliest) + " (" + ISO_BASIC.format(now)
          + (presigned ? " - " + expiresSeconds + " sec.)" : " - 5 min.)"));
    }
  }

  private static SignatureClaim fromHeader(String authorization, Headers headers, CanonicalQuery query)
      throws Refusal {
    if (!authorization.startsWith(HEADER_PREFIX)) {
      throw missingEqualSign(authorization);
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    for (String part : split(authorization.substring(HEADER_PREFIX.length()), ',')) {
      String pair = part.trim();
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals < 0) {
        throw missingEqualSign(authorization);
      }
      String value = pair.substring(equals + 1);
      switch (pair.substring(0, equals)) {
        case "Credential" -> credential = value;
        case "SignedHeaders" -> signedHeaders = value;
        case "Signature" -> signature = value;
        default -> {
          // AWS ignores parameters it does not know
        }
      }
    }
    String amzDate = headers.first(DATE);
    String httpDate = amzDate == null ? headers.first("Date") : null;
    StringBuilder missing = new StringBuilder();
    if (credential == null) {
      missing.append("Authorization header requires 'Credential' parameter. ");
    }
    if (signature == null) {
      missing.append("Authorization header requires 'Signature' parameter. ");
    }
    if (signedHeaders == null) {
      missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    }
    if (amzDate == null && httpDate == null) {
      missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (missing.length() > 0) {
      throw new Refusal(Kind.INCOMPLETE_SIGNATURE, missing.append("Authorization=").append(authorization).toString());
    }
    Instant date = amzDate != null ? parseAmzDate(amzDate) : parseHttpDate(httpDate);
    return new SignatureClaim(false, Credential.parse(credential), signedHeaderNames(signedHeaders), signature, date,
        ISO_BASIC.format(date), amzDate != null ? amzDate : httpDate, 0, securityToken(headers, query));
  }

  private static SignatureClaim fromQuery(Headers headers, CanonicalQuery query) throws Refusal {
    String algorithm = query.value(ALGORITHM);
    String credential = query.value(CREDENTIAL);
    String signature = query.value(SIGNATURE);
    String signedHeaders = query.value(SIGNED_HEADERS);
    String amzDate = query.value(DATE);
    String expires = query.value(EXPIRES);
    StringBuilder missing = new StringBuilder();
    for (String name : List.of(ALGORITHM, CREDENTIAL, SIGNATURE, SIGNED_HEADERS, DATE, EXPIRES)) {
      if (!query.contains(name)) {
        missing.append("AWS query-string parameters must include '").append(name).append("'. ");
      }
    }
    if (missing.length() > 0) {
      missing.append("Re-examine the query-string parameters.");
      throw new Refusal(Kind.INCOMPLETE_SIGNATURE, missing.toString());
    }
    if (!algorithm.equals(CanonicalRequest.ALGORITHM)) {
      throw new Refusal(Kind.INCOMPLETE_SIGNATURE,
          "X-Amz-Algorithm only supports \"" + CanonicalRequest.ALGORITHM + "\", not '" + algorithm + "'.");
    }
    Instant date = parseAmzDate(amzDate);
    return new SignatureClaim(true, Credential.parse(credential), signedHeaderNames(signedHeaders), signature, date,
        ISO_BASIC.format(date), amzDate, parseExpires(expires), securityToken(headers, query));
  }

  private static Refusal missingEqualSign(String authorization) {
    byte[] hash = new Hashing().sha256(authorization.getBytes(StandardCharsets.UTF_8));
    return new Refusal(Kind.INCOMPLETE_SIGNATURE, "Invalid key=value pair (missing equal-sign) in Authorization header "
        + "(hashed with SHA-256 and encoded with Base64): '" + Base64.getEncoder().encodeToString(hash) + "'.");
  }

  private static Instant parseAmzDate(String value) throws Refusal {
    try {
      return ISO_BASIC.parse(value, Instant::from);
    } catch (DateTimeParseException e) {
      throw new Refusal(Kind.INCOMPLETE_SIGNATURE,
          "Date must be in ISO-8601 'basic format'. Got '" + value + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }
  }

  private static Instant parseHttpDate(String value) throws Refusal {
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new Refusal(Kind.INCOMPLETE_SIGNATURE,
          "Date must be in RFC 1123 format, like 'Sun, 30 Aug 2015 12:36:00 GMT'. Got '" + value + "'.");
    }
  }

  private static long parseExpires(String value) throws Refusal {
    long seconds = -1;
    if (!value.isEmpty() && value.length() <= 7 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      seconds = Long.parseLong(value);
    }
    if (seconds < 1 || seconds > MAX_EXPIRES_SECONDS) {
      throw new Refusal(Kind.INCOMPLETE_SIGNATURE, "X-Amz-Expires must be a number of seconds from 1 to "
          + MAX_EXPIRES_SECONDS + " (a week), not '" + value + "'.");
    }
    return seconds;
  }

  private static List<String> signedHeaderNames(String signedHeaders) {
    TreeSet<String> names = new TreeSet<>();
    for (String name : split(signedHeaders, ';')) {
      if (!name.isEmpty()) {
        names.add(name.toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(names);
  }

  private static String securityToken(Headers headers, CanonicalQuery query) {
    String token = headers.first(SECURITY_TOKEN);
    return token != null ? token : query.value(SECURITY_TOKEN);
  }

  private static List<String> split(String s, char separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int end = s.indexOf(separator); end >= 0; end = s.indexOf(separator, start)) {
      parts.add(s.substring(start, end));
      start = end + 1;
    }
    parts.add(s.substring(start));
    return parts;
  }

  /** {@code AccessKeyId/yyyyMMdd/region/service/aws4_request}, split but not yet checked against the request. */
  record Credential(String accessKeyId, String date, String region, String service, String terminator) {
    /** @throws Refusal {@code IncompleteSignature} unless it has five parts and an access key id */
    static Credential parse(String credential) throws Refusal {
      List<String> parts = split(credential, '/');
      if (parts.size() != 5 || parts.get(0).isEmpty()) {
        throw new Refusal(Kind.INCOMPLETE_SIGNATURE,
            "Credential is malformed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
      }
      return new Credential(parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4));
    }
  }
}
