/**
 * The extension points of the gateway. Features plug in through these types only; {@code gateway-core} depends on
 * no feature module.
 *
 * <ul>
 *   <li>{@link dev.restgate.spi.PluginFactory} (found by {@link java.util.ServiceLoader}) builds a
 *       {@link dev.restgate.spi.Plugin} per method at deploy time; plugins run in {@link dev.restgate.spi.Phase}
 *       order in front of the method's integration.
 *   <li>{@link dev.restgate.spi.GatewayModule} (found by {@link java.util.ServiceLoader}) contributes services that
 *       live as long as the gateway: a {@link dev.restgate.spi.LambdaInvoker},
 *       {@link dev.restgate.spi.ServiceEndpoint}s, services for plugin factories.
 *   <li>{@link dev.restgate.spi.ApiImporter} (found by {@link java.util.ServiceLoader}) turns OpenAPI documents into
 *       the model.
 *   <li>{@link dev.restgate.spi.GatewayException} carries a {@link dev.restgate.spi.GatewayResponseType}; the gateway
 *       renders it with the AWS defaults and the API's customised gateway responses.
 * </ul>
 */
package dev.restgate.spi;
