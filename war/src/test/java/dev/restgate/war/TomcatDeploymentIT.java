package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

/** The WAR in Apache Tomcat 10.1 (distribution tar.gz, started by cargo). */
class TomcatDeploymentIT extends AbstractDeploymentIT {
  @Override
  String container() {
    return "tomcat";
  }

  @Override
  void assertStartedWithoutErrors(String containerLog) {
    // A filter that fails to start makes Tomcat log SEVERE and drop the context, which then answers 404 like today.
    assertThat(containerLog)
        .containsPattern("Deployment of web application archive \\[[^]]*/ROOT\\.war] has finished")
        .doesNotContain("SEVERE");
  }
}
