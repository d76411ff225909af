package dev.restgate.authorizers.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical URI of SigV4 for services other than S3. Clients disagree on it, so the verifier tries, in order:
 * <ol>
 *   <li>the AWS form: the path normalized as botocore and the AWS SDK for Java 2 do (dot segments resolved, empty
 *       segments dropped) and percent-encoded again, although it is already encoded ({@code %20} is signed as {@code
 *       %2520});
 *   <li>the path as sent, encoded again but not normalized (clients told not to normalize);
 *   <li>the path exactly as sent (curl's {@code --aws-sigv4}).
 * </ol>
 */
final class CanonicalUri {
  private CanonicalUri() {}

  /** The canonical URIs a client may have signed for this raw path, the AWS form first, without duplicates. */
  static List<String> candidates(String rawPath) {
    String path = rawPath.isEmpty() ? "/" : rawPath;
    List<String> candidates = new ArrayList<>(3);
    candidates.add(UriEncoding.encode(normalize(path), true));
    addIfNew(candidates, UriEncoding.encode(path, true));
    addIfNew(candidates, path);
    return candidates;
  }

  /**
   * botocore's normalization: {@code .} and empty segments dropped, {@code ..} drops the segment before it (never
   * above the root), a trailing slash kept when the path ends with one and something is left ({@code /a/b/..} is
   * {@code /a}).
   */
  static String normalize(String path) {
    List<String> segments = new ArrayList<>();
    int start = 0;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      String segment = path.substring(start, end);
      if (segment.equals("..")) {
        if (!segments.isEmpty()) {
          segments.remove(segments.size() - 1);
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
      start = end + 1;
    }
    StringBuilder normalized = new StringBuilder(path.length());
    if (path.startsWith("/")) {
      normalized.append('/');
    }
    normalized.append(String.join("/", segments));
    if (path.endsWith("/") && !segments.isEmpty()) {
      normalized.append('/');
    }
    return normalized.toString();
  }

  private static void addIfNew(List<String> candidates, String candidate) {
    if (!candidates.contains(candidate)) {
      candidates.add(candidate);
    }
  }
}
