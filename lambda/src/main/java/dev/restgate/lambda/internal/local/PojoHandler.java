package dev.restgate.lambda.internal.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A handler taking and returning objects: the event is deserialized into the input type, the result serialized
 * from the output type, with the AWS runtime's error wrapping for each step.
 */
final class PojoHandler implements FunctionHandler {
  private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

  /** The user's code, called with the deserialized event (null when it takes none). */
  interface Call {
    Object call(Object input, Context context) throws Throwable;
  }

  private final Call call;
  private final PojoSerializer<Object> input;
  private final PojoSerializer<Object> output;

  /**
   * @param input the serializer of the input type, or null when the handler takes no event
   * @param output the serializer of the output type, or null when the handler returns nothing
   */
  PojoHandler(Call call, PojoSerializer<Object> input, PojoSerializer<Object> output) {
    this.call = call;
    this.input = input;
    this.output = output;
  }

  @Override
  public void handle(InputStream event, OutputStream response, Context context) throws Throwable {
    Object in;
    try {
      in = input == null ? null : input.fromJson(event);
    } catch (RuntimeException | Error e) {
      throw new RuntimeException("An error occurred during JSON parsing", e);
    }
    Object out = call.call(in, context);
    try {
      if (output == null) {
        response.write(JSON_NULL);
      } else {
        output.toJson(out, response);
      }
    } catch (RuntimeException | Error e) {
      throw new RuntimeException("An error occurred during JSON serialization of response", e);
    }
  }
}
