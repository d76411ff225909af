package dev.restgate.authorizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.ConfigFiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cognito} section: user pools served by another issuer. */
class CognitoSectionTest {
  @TempDir
  Path dir;

  @Test
  void poolsAreReadAndTheKeySetDefaultsToTheIssuersWellKnownPath() throws Exception {
    CognitoConfig config = new ConfigFiles(dir).load("""
        cognito:
          userPools:
            - {id: us-east-1_AbCdEf123, issuer: 'https://auth.example.com/realms/main/'}
            - {id: eu-west-1_Other, issuer: 'https://idp.example.com', jwksUri: 'https://keys.example.com/k.json'}
        """).section(CognitoConfig.class).orElseThrow();

    assertThat(config.pool("us-east-1_AbCdEf123").orElseThrow().jwksUri())
        .isEqualTo(URI.create("https://auth.example.com/realms/main/.well-known/jwks.json"));
    assertThat(config.pool("eu-west-1_Other").orElseThrow().jwksUri())
        .isEqualTo(URI.create("https://keys.example.com/k.json"));
    assertThat(config.pool("nope")).isEmpty();
  }

  @Test
  void anAbsentSectionIsNoPools() throws Exception {
    assertThat(new ConfigFiles(dir).load("").section(CognitoConfig.class)).hasValue(CognitoConfig.NONE);
  }

  @Test
  void badPoolsAreReportedWhereTheyAre() {
    Map<String, String> messages = new ConfigFiles(dir).messages("""
        cognito:
          userPools:
            - {id: nounderscore, issuer: 'ftp://x'}
            - {id: us-east-1_A, issuer: 'https://a', jwksUri: 'not a url'}
            - {id: us-east-1_A, issuer: 'https://b', extra: 1}
        """);

    assertThat(messages).containsOnlyKeys("/cognito/userPools/0/id", "/cognito/userPools/0/issuer",
        "/cognito/userPools/1/jwksUri", "/cognito/userPools/2/extra", "/cognito/userPools/2/id");
    assertThat(messages.get("/cognito/userPools/2/id")).isEqualTo("is also the id of /cognito/userPools/1; list each "
        + "pool once");
  }
}
