package dev.restgate.lambda.internal.local;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Chooses the serializer of a handler's input or output type the way the AWS Java runtime does, with the runtime's
 * own library ({@code aws-lambda-java-serialization}), so events, nulls, dates and errors come out byte for byte as
 * on AWS: a {@link CustomPojoSerializer} the function registers wins; then the event classes Lambda knows (with
 * their mix-ins); then the runtime's Jackson configuration.
 *
 * <p>Not thread-safe while serializers are created (the library configures a shared mapper then); the serializers
 * it returns are.
 */
final class PojoSerializers {
  private final ClassLoader functionLoader;
  private final CustomPojoSerializer custom;

  PojoSerializers(ClassLoader functionLoader) throws HandlerException {
    this.functionLoader = functionLoader;
    this.custom = customSerializer(functionLoader);
  }

  @SuppressWarnings("unchecked")
  PojoSerializer<Object> forType(Type type) {
    if (custom != null) {
      return new Custom(custom, type);
    }
    if (type instanceof Class<?> eventClass && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(eventClass, functionLoader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }

  private static CustomPojoSerializer customSerializer(ClassLoader functionLoader) throws HandlerException {
    Iterator<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class, functionLoader).iterator();
    if (!found.hasNext()) {
      return null;
    }
    CustomPojoSerializer first = found.next();
    if (found.hasNext()) {
      throw new HandlerException(
          "Too many serializers provided inside the META-INF/services folder, only one is allowed");
    }
    return first;
  }

  private record Custom(CustomPojoSerializer serializer, Type type) implements PojoSerializer<Object> {
    @Override
    public Object fromJson(InputStream input) {
      return serializer.fromJson(input, type);
    }

    @Override
    public Object fromJson(String input) {
      return serializer.fromJson(input, type);
    }

    @Override
    public void toJson(Object value, OutputStream output) {
      serializer.toJson(value, output, type);
    }
  }
}
