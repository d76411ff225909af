package dev.restgate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.Method;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.RouteMatch;
import dev.restgate.testing.TestApis;
import dev.restgate.testing.TestExchanges;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The integration variables as AWS fills them, for the integration types whose answers differ. */
class AccessLogFormatTest {
  private static final AccessLogFormat FORMAT = AccessLogFormat.compile(
      "$context.integrationStatus $context.integration.status $context.integrationLatency "
          + "$context.integration.latency");
  private static final AccessLogFormat.Outcome SENT = new AccessLogFormat.Outcome(200, 0, 0);

  @Test
  void aLambdaProxyReportsTheServicesStatusBesideTheFunctions() {
    Exchange exchange = lambdaProxyExchange();
    exchange.integrationDone(TimeUnit.MILLISECONDS.toNanos(12), 201);

    assertThat(FORMAT.render(exchange, SENT)).isEqualTo("200 201 12 12");
  }

  @Test
  void noIntegrationPrintsDashes() {
    assertThat(FORMAT.render(lambdaProxyExchange(), SENT)).isEqualTo("- - - -");
  }

  @Test
  void otherIntegrationsReportTheirOwnStatusTwice() {
    Exchange exchange = TestExchanges.request().build();
    exchange.integrationDone(TimeUnit.MILLISECONDS.toNanos(3), 404);

    assertThat(FORMAT.render(exchange, SENT)).isEqualTo("404 404 3 3");
  }

  private static Exchange lambdaProxyExchange() {
    Exchange template = TestExchanges.request().build();
    RouteMatch r = template.route();
    Method m = r.method();
    Method proxied = new Method(m.httpMethod(), m.authorizationType(), null, false, null, null, null, null, null,
        TestApis.lambdaProxy("fn"), null, null);
    Exchange exchange = new Exchange(template.request(), template.requestId(), template.extendedRequestId(),
        template.requestTime());
    exchange.route(new RouteMatch(r.accountId(), r.api(), r.stage(), r.deploymentId(), r.resource(), proxied,
        r.pathParameters(), r.stageVariables(), r.canary(), r.requestPath(), r.path(), r.contextPath(),
        r.domainName(), r.domainPrefix()));
    return exchange;
  }
}
