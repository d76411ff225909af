package dev.restgate.internal.deploy;

import dev.restgate.spi.Exchange;
import dev.restgate.spi.Handler;
import dev.restgate.spi.Plugin;
import java.util.List;

/**
 * Links plugins and a terminal handler into one {@link Handler}, once per method. Each link checks at run time that
 * it is entered once per exchange, so a plugin calling {@code next} twice fails loudly instead of calling the backend
 * twice.
 */
final class ChainLinker {
  private static final Exchange.Key<int[]> DEPTH = Exchange.Key.of("chainDepth", int[].class);

  private ChainLinker() {}

  static Handler link(List<Plugin> plugins, Handler terminal) {
    if (plugins.isEmpty()) {
      // Nobody can call next twice: the integration is the whole chain.
      return terminal;
    }
    Handler next = guarded(plugins.size() + 1, terminal);
    for (int i = plugins.size() - 1; i >= 0; i--) {
      Plugin plugin = plugins.get(i);
      Handler rest = next;
      next = guarded(i + 1, exchange -> plugin.handle(exchange, rest));
    }
    return next;
  }

  private static Handler guarded(int position, Handler handler) {
    return exchange -> {
      int[] depth = exchange.get(DEPTH);
      if (depth == null) {
        depth = new int[1];
        exchange.put(DEPTH, depth);
      }
      if (depth[0] >= position) {
        throw new IllegalStateException("a plugin called next more than once (chain position " + position + ")");
      }
      depth[0] = position;
      return handler.handle(exchange);
    };
  }
}
