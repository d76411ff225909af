package dev.restgate.war;

import java.net.URI;

/** The gateway's behaviour with the WAR in Apache Tomcat 10.1. */
class TomcatGatewayIT extends AbstractGatewayIT {
  @Override
  URI baseUri() {
    return ItSettings.containerUrl("tomcat");
  }
}
