package dev.restgate.internal.deploy;

import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.spi.Handler;

/** A method ready to serve: its model and its linked chain (plugins in phase order, then the integration). */
public record CompiledMethod(Resource resource, Method method, Handler chain) {}
