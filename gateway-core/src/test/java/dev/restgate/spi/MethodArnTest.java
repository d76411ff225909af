package dev.restgate.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.MethodSetting;
import dev.restgate.model.Stage;
import dev.restgate.testing.TestExchanges;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Method ARNs as AWS writes them, and the method settings a method sees. */
class MethodArnTest {
  private static final MethodArn ARNS = MethodArn.of("eu-west-1", "123456789012", "a1b2c3d4e5", "prod");

  @Test
  void arnsNameTheVerbAndThePathTheRootWithATrailingSlash() {
    assertThat(ARNS.prefix()).isEqualTo("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/");
    assertThat(ARNS.of("GET", "/pets/42")).isEqualTo(ARNS.prefix() + "GET/pets/42");
    assertThat(ARNS.of("POST", "/")).isEqualTo(ARNS.prefix() + "POST/");
  }

  @Test
  void aRequestsArnHasItsVerbAndTheRawPathItWasRoutedBy() {
    Exchange exchange = TestExchanges.request().method("DELETE").path("/pets/a%20b", "/prod/pets/a%20b").build();

    assertThat(ARNS.of(exchange)).endsWith("/prod/DELETE/pets/a%20b");
  }

  @Test
  void aMethodsOwnSettingsWinOverTheStageWideOnesFieldByField() {
    MethodSetting all = new MethodSetting(true, "INFO", null, 10, 5.0, null, 60, null, null, null);
    MethodSetting own = new MethodSetting(null, "ERROR", null, null, 1.5, true, null, null, null, null);
    Stage stage = new Stage("prod", "d1", null, null, Map.of("*/*", all, "pets/{id}/GET", own), null, null, null,
        null, null, null);

    MethodSetting effective = MethodSetting.effective(stage, "/pets/{id}", "GET");

    assertThat(effective).isEqualTo(new MethodSetting(true, "ERROR", null, 10, 1.5, true, 60, null, null, null));
    assertThat(MethodSetting.effective(stage, "/", "GET")).isEqualTo(all);
    assertThat(MethodSetting.key("/", "GET")).isEqualTo("/GET");
    assertThat(MethodSetting.effective(new Stage("s", "d", null, null, null, null, null, null, null, null, null),
        "/x", "GET")).isEqualTo(MethodSetting.NONE);
  }
}
