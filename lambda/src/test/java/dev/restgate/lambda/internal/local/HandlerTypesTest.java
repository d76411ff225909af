package dev.restgate.lambda.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerTypesTest {

  interface Mapping<K, V> extends RequestHandler<Map<K, List<V>>, V[]> {}

  abstract static class Base<T> implements Mapping<String, T> {}

  static class Concrete extends Base<Integer> {
    @Override
    public Integer[] handleRequest(Map<String, List<Integer>> input, Context context) {
      return new Integer[0];
    }
  }

  abstract static class Direct implements RequestHandler<String, Void> {}

  @SuppressWarnings("rawtypes")
  abstract static class Raw implements RequestHandler {}

  @Test
  void variablesAreSubstitutedThroughSuperclassesAndSuperinterfaces() {
    Type[] types = HandlerTypes.typeArguments(Concrete.class, RequestHandler.class);

    assertThat(types).extracting(Type::getTypeName).containsExactly(
        "java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>", "java.lang.Integer[]");
  }

  @Test
  void directTypeArgumentsAreReturnedAsDeclared() {
    assertThat(HandlerTypes.typeArguments(Direct.class, RequestHandler.class))
        .containsExactly(String.class, Void.class);
  }

  @Test
  void rawImplementationHasNoTypeArguments() {
    assertThat(HandlerTypes.typeArguments(Raw.class, RequestHandler.class)).isNull();
    assertThat(HandlerTypes.typeArguments(String.class, RequestHandler.class)).isNull();
  }
}
