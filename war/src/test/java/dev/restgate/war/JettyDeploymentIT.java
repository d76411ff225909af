package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

/** The WAR in a Jetty 12 distribution (jetty-home, ee10, started by cargo). */
class JettyDeploymentIT extends AbstractDeploymentIT {
  @Override
  String container() {
    return "jetty";
  }

  @Override
  void assertStartedWithoutErrors(String containerLog) {
    // Jetty names the context by the web.xml display name; a failed start shows as FAILED or UNAVAILABLE.
    assertThat(containerLog)
        .containsPattern("Started oeje10w\\.WebAppContext@\\w+\\{Restgate,/,[^}]*a=AVAILABLE")
        .doesNotContain("Failed startup")
        .doesNotContainPattern("\\{Restgate,/,[^}]*a=UNAVAILABLE");
  }
}
