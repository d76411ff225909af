package dev.restgate.launcher.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the launcher prints once the gateway answers: where it runs, and requests to paste into a shell. */
final class Banner {
  private Banner() {}

  static List<String> lines(String version, int port, String threads, Path config, Path dataDir, boolean example) {
    String base = "http://localhost:" + port;
    List<String> lines = new ArrayList<>();
    lines.add("Restgate " + version + " is running on " + base + " with Java " + Runtime.version().feature()
        + " and " + threads + ".");
    lines.add("Configuration: " + config + (example ? " (the bundled example)" : ""));
    lines.add("Data directory: " + dataDir);
    if (example) {
      lines.addAll(exampleLines(base, port, config.getParent()));
    } else {
      lines.add("Invoke URLs: " + base + "/restapis/{apiId}/{stage}/_user_request_/{path}");
      lines.add("         or: " + base + "/{stage}/{path} with the header Host: {apiId}.execute-api.localhost");
      lines.add("Health check: curl " + base + "/_health");
    }
    lines.add("Press Ctrl-C to stop.");
    return lines;
  }

  private static List<String> exampleLines(String base, int port, Path exampleDir) {
    String api = ExampleApi.API_ID;
    String stage = ExampleApi.STAGE;
    String hostHeader = "-H 'Host: " + api + ".execute-api.localhost' ";
    String stageUrl = base + "/" + stage;
    String userRequestUrl = base + "/restapis/" + api + "/" + stage + "/_user_request_";
    return List.of(
        "",
        "Example API " + api + ", stage " + stage + ". Its invoke URL, in both forms:",
        "  http://" + api + ".execute-api.localhost:" + port + "/" + stage + "/",
        "  " + userRequestUrl + "/",
        "To change it, copy " + exampleDir + " elsewhere, edit it, and start with --config (this folder is",
        "rewritten at every start without --config).",
        "",
        "Try:",
        "  curl " + hostHeader + stageUrl + "/hello",
        "  curl " + userRequestUrl + "/hello/world",
        "  curl -X POST -H 'Content-Type: application/json' -d '{\"greeting\":\"hi\"}' " + userRequestUrl
            + "/hello/world",
        "  curl " + hostHeader + "'" + stageUrl + "/echo/any/path?color=blue'",
        "  curl " + userRequestUrl + "/pets",
        "  curl " + hostHeader + stageUrl + "/pets/1",
        "  curl " + base + "/_health",
        "");
  }
}
