package dev.restgate.lambda.internal.local;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A loaded handler, reduced to what the runtime does with every kind of handler: bytes in, bytes out. Instances are
 * shared by concurrent invocations, as the function's handler object is.
 */
interface FunctionHandler {

  /** Runs the handler; anything it throws is a function error. */
  void handle(InputStream event, OutputStream response, Context context) throws Throwable;
}
