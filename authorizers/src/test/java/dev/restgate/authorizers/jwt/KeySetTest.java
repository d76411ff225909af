package dev.restgate.authorizers.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which keys of a JWKS document may check signatures. */
class KeySetTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static RSAKey rsa;
  private static ECKey ec;

  @BeforeAll
  static void generateKeys() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
  }

  @Test
  void publicRsaAndEcKeysServeTheAlgorithmsOfTheirTypeAndCurve() throws Exception {
    KeySet keys = parse(rsa.toPublicJWK(), ec.toPublicJWK());

    assertThat(keys.get("rsa").algorithms())
        .containsExactlyInAnyOrder(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    assertThat(keys.get("ec").algorithms()).containsExactly(JWSAlgorithm.ES256);
    assertThat(keys.fetchedAt()).isEqualTo(NOW);
    assertThat(keys.secretKeys()).isZero();
  }

  @Test
  void aKeysAlgNarrowsWhatItServes() throws Exception {
    KeySet keys = parse(new RSAKey.Builder(rsa.toPublicJWK()).algorithm(JWSAlgorithm.RS512).build(),
        new ECKey.Builder(ec.toPublicJWK()).algorithm(JWSAlgorithm.ES384).build());

    assertThat(keys.get("rsa").algorithms()).containsExactly(JWSAlgorithm.RS512);
    assertThat(keys.get("ec")).as("ES384 does not suit P-256").isNull();
  }

  @Test
  void privateAndSymmetricKeysAreLeftOutAndCounted() throws Exception {
    KeySet keys = parse(rsa, new OctetSequenceKeyGenerator(256).keyID("oct").generate(), ec.toPublicJWK());

    assertThat(keys.keys()).containsOnlyKeys("ec");
    assertThat(keys.secretKeys()).isEqualTo(2);
  }

  @Test
  void keysForOtherUsesOrWithoutKidOrTooWeakAreLeftOut() throws Exception {
    KeySet keys = parse(
        new RSAKey.Builder(rsa.toPublicJWK()).keyID("enc").keyUse(KeyUse.ENCRYPTION).build(),
        new RSAKey.Builder(rsa.toPublicJWK()).keyID("wrap").keyOperations(Set.of(KeyOperation.WRAP_KEY)).build(),
        new RSAKey.Builder(rsa.toPublicJWK()).keyID(null).build(),
        new RSAKeyGenerator(1024, true).keyID("short").generate().toPublicJWK(),
        new RSAKey.Builder(rsa.toPublicJWK()).keyID("sig").keyUse(KeyUse.SIGNATURE)
            .keyOperations(Set.of(KeyOperation.VERIFY)).build());

    assertThat(keys.keys()).containsOnlyKeys("sig");
  }

  @Test
  void aMalformedOrUnsupportedKeyCostsOnlyItself() throws Exception {
    String document = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"broken\",\"e\":\"AQAB\"},\"not a key\","
        + "{\"kty\":\"OKP\",\"kid\":\"okp\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"},"
        + "{\"kty\":\"XYZ\",\"kid\":\"unknown\"},"
        + "{\"kty\":\"EC\",\"kid\":\"off-curve\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\"},"
        + ec.toPublicJWK().toJSONString() + "]}";

    assertThat(KeySet.parse(document, NOW).keys()).containsOnlyKeys("ec");
  }

  @Test
  void theFirstOfTwoKeysWithOneKidCounts() throws Exception {
    RSAKey twin = new RSAKey.Builder(new RSAKeyGenerator(2048).generate().toPublicJWK()).keyID("ec").build();

    assertThat(parse(ec.toPublicJWK(), twin).get("ec").algorithms()).containsExactly(JWSAlgorithm.ES256);
  }

  @Test
  void aDocumentWithoutAKeysArrayIsNoJwks() {
    for (String document : List.of("", "[]", "{}", "{\"keys\":{}}", "not json", "{\"keys\":[]} trailing")) {
      assertThatThrownBy(() -> KeySet.parse(document, NOW)).as(document).isInstanceOf(ParseException.class);
    }
  }

  @Test
  void aSetIsStaleFromTheEndOfItsRefreshInterval() throws Exception {
    KeySet keys = parse(ec.toPublicJWK());

    assertThat(keys.isStale(NOW.plusSeconds(899), Duration.ofMinutes(15))).isFalse();
    assertThat(keys.isStale(NOW.plusSeconds(900), Duration.ofMinutes(15))).isTrue();
  }

  private static KeySet parse(JWK... keys) throws ParseException {
    return KeySet.parse(new JWKSet(List.of(keys)).toString(false), NOW);
  }
}
