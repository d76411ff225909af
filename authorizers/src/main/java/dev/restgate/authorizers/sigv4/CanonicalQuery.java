package dev.restgate.authorizers.sigv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The raw query of one request, parsed once: each {@code name=value} pair decoded and encoded again the SigV4 way,
 * sorted by name then value, repeated names and empty values kept ({@code a} counts as {@code a=}). Not thread-safe:
 * it belongs to one verification.
 */
final class CanonicalQuery {
  /** What a presigned request leaves out of its canonical query: its signature. */
  static final Set<String> PRESIGNED = Set.of(SignatureClaim.SIGNATURE);
  /** The same when the session token was added after signing, as presigned URLs of AWS IoT have it. */
  static final Set<String> PRESIGNED_UNSIGNED_TOKEN = Set.of(SignatureClaim.SIGNATURE, SignatureClaim.SECURITY_TOKEN);

  private static final Comparator<Param> ORDER = Comparator.comparing(Param::name).thenComparing(Param::value);

  private final String raw;
  private final List<Param> params;
  private List<Param> paramsWithPlusAsSpace;

  private CanonicalQuery(String raw, List<Param> params) {
    this.raw = raw;
    this.params = params;
  }

  /** @param rawQuery the query string as sent, without {@code ?}; null when there is none */
  static CanonicalQuery parse(String rawQuery) {
    String raw = rawQuery == null ? "" : rawQuery;
    return new CanonicalQuery(raw, params(raw, false));
  }

  boolean contains(String name) {
    for (Param param : params) {
      if (param.name.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The value of a parameter, decoded (the lowest in canonical order when it is repeated); null when it is absent.
   * For names of unreserved characters only, as those of the {@code X-Amz-*} parameters.
   */
  String value(String name) {
    for (Param param : params) {
      if (param.name.equals(name)) {
        return UriEncoding.decode(param.rawValue, 0, param.rawValue.length());
      }
    }
    return null;
  }

  /**
   * The canonical query string without the parameters named in {@code excluded}.
   *
   * @param plusAsSpace whether a {@code +} in the raw query stands for a space (HTML forms, some signing libraries)
   *     rather than for itself (RFC 3986, the AWS SDKs, curl)
   */
  String canonical(Set<String> excluded, boolean plusAsSpace) {
    StringBuilder canonical = new StringBuilder(raw.length() + 16);
    for (Param param : plusAsSpace ? paramsWithPlusAsSpace() : params) {
      if (!excluded.contains(param.name)) {
        if (canonical.length() > 0) {
          canonical.append('&');
        }
        canonical.append(param.name).append('=').append(param.value);
      }
    }
    return canonical.toString();
  }

  /**
   * Every canonical query string a client may have signed, the AWS form first: a presigned request leaves out its
   * signature, and maybe its session token; a {@code +} may stand for itself or for a space; curl (7.x) signs the
   * query exactly as sent, unsorted.
   */
  List<String> candidates(boolean presigned) {
    List<Set<String>> exclusions;
    if (!presigned) {
      exclusions = List.of(Set.of());
    } else if (contains(SignatureClaim.SECURITY_TOKEN)) {
      exclusions = List.of(PRESIGNED, PRESIGNED_UNSIGNED_TOKEN);
    } else {
      exclusions = List.of(PRESIGNED);
    }
    boolean plus = raw.indexOf('+') >= 0;
    List<String> candidates = new ArrayList<>(exclusions.size() * 2);
    for (Set<String> excluded : exclusions) {
      candidates.add(canonical(excluded, false));
      if (plus) {
        candidates.add(canonical(excluded, true));
      }
    }
    if (!presigned && !candidates.contains(raw)) {
      candidates.add(raw);
    }
    return candidates;
  }

  private List<Param> paramsWithPlusAsSpace() {
    if (paramsWithPlusAsSpace == null) {
      paramsWithPlusAsSpace = params(raw, true);
    }
    return paramsWithPlusAsSpace;
  }

  private static List<Param> params(String raw, boolean plusAsSpace) {
    List<Param> params = new ArrayList<>();
    int start = 0;
    while (start < raw.length()) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = raw.length();
      }
      if (end > start) {
        int equals = start;
        while (equals < end && raw.charAt(equals) != '=') {
          equals++;
        }
        int valueStart = Math.min(equals + 1, end);
        params.add(new Param(UriEncoding.canonical(raw, start, equals, plusAsSpace),
            UriEncoding.canonical(raw, valueStart, end, plusAsSpace), raw.substring(valueStart, end)));
      }
      start = end + 1;
    }
    params.sort(ORDER);
    return params;
  }

  /** One pair, name and value in canonical form; the value also as sent, to read the {@code X-Amz-*} parameters. */
  private record Param(String name, String value, String rawValue) {}
}
