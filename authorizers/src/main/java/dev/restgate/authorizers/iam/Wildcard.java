package dev.restgate.authorizers.iam;

import java.util.Locale;

/**
 * An IAM wildcard pattern: {@code *} matches any run of characters ({@code /} and {@code :} included), {@code ?}
 * exactly one; everything else literally. Immutable.
 */
final class Wildcard {
  private final String pattern;
  private final boolean ignoreCase;
  private final boolean literal;

  private Wildcard(String pattern, boolean ignoreCase) {
    this.pattern = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
    this.ignoreCase = ignoreCase;
    this.literal = pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
  }

  static Wildcard caseSensitive(String pattern) {
    return new Wildcard(pattern, false);
  }

  static Wildcard ignoringCase(String pattern) {
    return new Wildcard(pattern, true);
  }

  boolean matches(String value) {
    String text = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
    if (literal) {
      return pattern.equals(text);
    }
    // Greedy match with one backtracking point, the last '*': linear for the patterns policies use.
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = t;
      } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
