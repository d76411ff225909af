package dev.restgate.lambda.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function named any way the Lambda API accepts: {@code name}, {@code name:qualifier}, a partial ARN
 * ({@code 123456789012:function:name}) or a full ARN ({@code arn:aws:lambda:us-east-1:123456789012:function:name}),
 * each with an optional {@code :qualifier}.
 *
 * @param region the region of a full ARN, else null
 * @param accountId the account of an ARN, else null
 * @param qualifier the version or alias suffix, else null
 */
public record FunctionReference(String region, String accountId, String name, String qualifier) {
  /** The {@code FunctionName} pattern of the Invoke operation, spelled as AWS prints it in validation errors. */
  public static final String AWS_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
      + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
  /** The longest function name (or ARN) Invoke accepts. */
  public static final int MAX_LENGTH = 170;

  private static final Pattern PATTERN = Pattern.compile("(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d:)?"
      + "(\\d{12}:)?(function:)?([a-zA-Z0-9_.\\-]+)(:(\\$LATEST|[a-zA-Z0-9_\\-]+))?");

  /** The reference {@code value} denotes, or empty when Lambda would reject it as a function name. */
  public static Optional<FunctionReference> parse(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Matcher m = PATTERN.matcher(value);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new FunctionReference(withoutColon(m.group(3)), withoutColon(m.group(5)), m.group(7),
        m.group(9)));
  }

  /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}, plus {@code :QUALIFIER} when one is given. */
  public static String arn(String region, String accountId, String name, String qualifier) {
    String arn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    return qualifier == null ? arn : arn + ":" + qualifier;
  }

  private static String withoutColon(String group) {
    return group == null ? null : group.substring(0, group.length() - 1);
  }
}
