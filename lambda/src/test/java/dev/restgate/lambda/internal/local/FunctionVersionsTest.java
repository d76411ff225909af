package dev.restgate.lambda.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.lambda.internal.local.FunctionVersions.Alias;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How qualifiers select versions; the random source is injected, so weighted aliases are exact here. */
class FunctionVersionsTest {
  private final LocalFunction latest = new Named("$LATEST");
  private final LocalFunction one = new Named("1");
  private final LocalFunction two = new Named("2");
  private double next;
  private final FunctionVersions versions = new FunctionVersions(Map.of("$LATEST", latest, "1", one, "2", two),
      Map.of("live", new Alias(one, null, 0), "canary", new Alias(one, two, 0.1)), () -> next);

  @Test
  void noQualifierAndLatestRunLatest() {
    assertThat(versions.select(null)).containsSame(latest);
    assertThat(versions.select("$LATEST")).containsSame(latest);
  }

  @Test
  void versionNumbersAndAliasesRunTheirVersion() {
    assertThat(versions.select("2")).containsSame(two);
    assertThat(versions.select("live")).containsSame(one);
  }

  @Test
  void aWeightedAliasRunsTheAdditionalVersionWhenTheDrawFallsBelowItsWeight() {
    next = 0.0999;
    assertThat(versions.select("canary")).containsSame(two);
    next = 0.1;
    assertThat(versions.select("canary")).containsSame(one);
  }

  @Test
  void anUnknownQualifierSelectsNothing() {
    assertThat(versions.select("3")).isEmpty();
    assertThat(versions.select("Live")).isEmpty();
  }

  private record Named(String version) implements LocalFunction {
    @Override
    public String name() {
      return "release";
    }

    @Override
    public CompletableFuture<Execution> start(InvocationRequest request, boolean streamResponse) {
      throw new UnsupportedOperationException("selection only");
    }

    @Override
    public boolean isClosed() {
      return false;
    }

    @Override
    public void close() {}
  }
}
