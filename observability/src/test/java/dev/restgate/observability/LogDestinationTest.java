package dev.restgate.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Log group and Firehose ARNs become files under the data directory, and nothing escapes it. */
class LogDestinationTest {
  private static final Path LOGS = Path.of("/var/lib/restgate/logs");

  @Test
  void aLogGroupIsAFileWhoseSlashesAreFolders() {
    assertThat(LogDestination.of("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigw/prod-access:*", LOGS,
        "api", "prod", false).file()).isEqualTo(LOGS.resolve("aws/apigw/prod-access.log"));
    assertThat(LogDestination.of("arn:aws:logs:eu-west-1:123456789012:log-group:access", LOGS, "api", "prod", true)
        .file()).isEqualTo(LOGS.resolve("access/Canary.log"));
    assertThat(LogDestination.of("arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-logs",
        LOGS, "api", "prod", false).file()).isEqualTo(LOGS.resolve("amazon-apigateway-logs.log"));
  }

  @Test
  void withoutAnArnLinesGoToALoggerNamedByStage() {
    LogDestination destination = LogDestination.of(null, LOGS, "loggedapi1", "prod", true);
    assertThat(destination.file()).isNull();
    assertThat(destination.logger().getName()).isEqualTo("restgate.access.loggedapi1.prod.Canary");
  }

  @Test
  void otherArnsAndEscapingNamesAreRefused() {
    assertThatThrownBy(() -> LogDestination.of("arn:aws:s3:::bucket", LOGS, "api", "prod", false))
        .hasMessageContaining("names neither a CloudWatch Logs log group");
    assertThatThrownBy(() -> LogDestination.of("arn:aws:logs:us-east-1:123456789012:log-group:a/../../etc", LOGS,
        "api", "prod", false)).hasMessageContaining("'..'");
  }
}
