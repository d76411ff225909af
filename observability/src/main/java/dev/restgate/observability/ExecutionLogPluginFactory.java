package dev.restgate.observability;

import dev.restgate.model.MethodSetting;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the execution log plugin of every method whose method settings ask for one ({@code loggingLevel} {@code
 * INFO} or {@code ERROR}); {@code OFF} or no level attaches nothing. Lines go to {@code
 * logs/API-Gateway-Execution-Logs_{apiId}/{stage}.log} in the data directory, as AWS names the log group.
 */
public final class ExecutionLogPluginFactory implements PluginFactory<Void> {

  @Override
  public String name() {
    return "execution-log";
  }

  @Override
  public Phase phase() {
    return Phase.EDGE;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Void config) {
    MethodSetting setting = site.methodSetting();
    String level = setting == null ? null : setting.loggingLevel();
    AccessLogs logs = site.service(AccessLogs.class).orElse(null);
    if (logs == null || !("INFO".equals(level) || "ERROR".equals(level))) {
      return Optional.empty();
    }
    LogDestination destination = new LogDestination(logs.folder()
        .resolve("API-Gateway-Execution-Logs_" + site.api().id()).resolve(site.stage().stageName() + ".log"), null);
    return Optional.of(new ExecutionLogPlugin("INFO".equals(level), Boolean.TRUE.equals(setting.dataTraceEnabled()),
        destination, logs.writer(), Clock.systemUTC()));
  }
}
