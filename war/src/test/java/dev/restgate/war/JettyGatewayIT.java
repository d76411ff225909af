package dev.restgate.war;

import java.net.URI;

/** The gateway's behaviour with the WAR in a Jetty 12 (ee10) distribution. */
class JettyGatewayIT extends AbstractGatewayIT {
  @Override
  URI baseUri() {
    return ItSettings.containerUrl("jetty");
  }
}
