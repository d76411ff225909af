package dev.restgate.observability;

import java.nio.file.Path;

/**
 * What the access log plugins of a configuration share: the folder of log files and the writer.
 *
 * @param folder {@code logs} in the data directory
 */
record AccessLogs(Path folder, AccessLogWriter writer) {}
