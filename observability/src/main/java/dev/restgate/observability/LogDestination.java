package dev.restgate.observability;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a stage's access log lines go. A CloudWatch Logs log group ({@code arn:aws:logs:...:log-group:NAME}) or a
 * Firehose stream ({@code arn:aws:firehose:...:deliverystream/NAME}) becomes the file {@code NAME.log} in the
 * {@code logs} folder of the data directory, each {@code /} of NAME a folder; canary requests go to
 * {@code NAME/Canary.log}, as AWS sends them to the group {@code NAME/Canary}. Without a {@code destinationArn} the
 * lines go to the SLF4J logger {@code restgate.access.{apiId}.{stage}} ({@code ...{stage}.Canary} for canary
 * requests).
 *
 * @param file the file, or null for the logger
 * @param logger the logger, or null for a file
 */
record LogDestination(Path file, Logger logger) {
  private static final Pattern LOG_GROUP =
      Pattern.compile("arn:aws[a-z-]*:logs:[a-z0-9-]*:\\d{12}:log-group:([.\\-_/#A-Za-z0-9]+?)(:\\*)?");
  private static final Pattern FIREHOSE =
      Pattern.compile("arn:aws[a-z-]*:firehose:[a-z0-9-]*:\\d{12}:deliverystream/([.\\-_A-Za-z0-9]+)");

  /**
   * The destination of one stage's lines.
   *
   * @param logs the {@code logs} folder of the data directory
   * @throws IllegalArgumentException for an ARN that names neither a log group nor a Firehose stream
   */
  static LogDestination of(String destinationArn, Path logs, String apiId, String stage, boolean canary) {
    if (destinationArn == null) {
      return new LogDestination(null,
          LoggerFactory.getLogger("restgate.access." + apiId + "." + stage + (canary ? ".Canary" : "")));
    }
    Matcher group = LOG_GROUP.matcher(destinationArn);
    Matcher stream = FIREHOSE.matcher(destinationArn);
    String name;
    if (group.matches()) {
      name = group.group(1);
    } else if (stream.matches()) {
      name = stream.group(1);
    } else {
      throw new IllegalArgumentException("accessLogSettings.destinationArn " + destinationArn + " names neither a "
          + "CloudWatch Logs log group (arn:aws:logs:{region}:{account}:log-group:NAME) nor a Firehose stream");
    }
    Path file = logs;
    for (String segment : name.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        throw new IllegalArgumentException("accessLogSettings.destinationArn " + destinationArn
            + " has a '..' in its name; a log group's file must stay in the data directory");
      }
      file = file.resolve(segment);
    }
    if (file.equals(logs)) {
      throw new IllegalArgumentException("accessLogSettings.destinationArn " + destinationArn + " names no log group");
    }
    return new LogDestination(canary ? file.resolve("Canary.log") : file.resolveSibling(file.getFileName() + ".log"),
        null);
  }
}
