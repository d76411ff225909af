package dev.restgate.observability;

import dev.restgate.model.AccessLogSettings;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.Optional;

/** Builds the access log plugin of every method of a stage with {@code accessLogSettings}. */
public final class AccessLogPluginFactory implements PluginFactory<Void> {

  @Override
  public String name() {
    return "access-log";
  }

  @Override
  public Phase phase() {
    return Phase.EDGE;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Void config) {
    AccessLogSettings settings = site.stage().accessLogSettings();
    AccessLogs logs = site.service(AccessLogs.class).orElse(null);
    if (settings == null || settings.format() == null || logs == null) {
      return Optional.empty();
    }
    String apiId = site.api().id();
    String stage = site.stage().stageName();
    return Optional.of(new AccessLogPlugin(AccessLogFormat.compile(settings.format()),
        LogDestination.of(settings.destinationArn(), logs.folder(), apiId, stage, false),
        LogDestination.of(settings.destinationArn(), logs.folder(), apiId, stage, true), logs.writer()));
  }
}
