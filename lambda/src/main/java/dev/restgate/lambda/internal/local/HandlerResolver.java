package dev.restgate.lambda.internal.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Turns a handler string into a {@link FunctionHandler} as the AWS Java runtime does: {@code com.x.Handler} must
 * implement {@link RequestStreamHandler} or {@link RequestHandler} (its type arguments resolved through the class
 * hierarchy); {@code com.x.Handler::method} picks the best public overload of {@code method} among the signatures
 * the runtime accepts. The handler object is created once, here.
 */
final class HandlerResolver {
  private static final Pattern HANDLER = Pattern.compile("[^\\s:]+(::[^\\s:]+)?");

  /** Preferred overloads first: non-bridge methods, then longer signatures (a trailing Context counts double). */
  private static final Comparator<Method> PRIORITY = Comparator.comparing(Method::isBridge)
      .thenComparing(Comparator.comparingInt(HandlerResolver::weight).reversed());

  private final ClassLoader loader;
  private final PojoSerializers serializers;

  HandlerResolver(ClassLoader loader, PojoSerializers serializers) {
    this.loader = loader;
    this.serializers = serializers;
  }

  /** Whether {@code handler} has the shape {@code class} or {@code class::method}. */
  static boolean isWellFormed(String handler) {
    return handler != null && HANDLER.matcher(handler).matches();
  }

  FunctionHandler resolve(String handler) throws HandlerException {
    if (!isWellFormed(handler)) {
      throw new HandlerException("Invalid handler: `" + handler + "'");
    }
    int separator = handler.indexOf("::");
    String className = separator < 0 ? handler : handler.substring(0, separator);
    Class<?> type = load(className);
    return separator < 0 ? forClass(type) : forMethod(type, handler.substring(separator + 2));
  }

  private Class<?> load(String className) throws HandlerException {
    try {
      return Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new HandlerException("Class not found: " + className, e);
    } catch (ExceptionInInitializerError e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new HandlerException("Error loading class " + className + suffix(cause), cause);
    } catch (LinkageError e) {
      throw new HandlerException("Error loading class " + className + suffix(e), e);
    }
  }

  private FunctionHandler forClass(Class<?> type) throws HandlerException {
    if (RequestStreamHandler.class.isAssignableFrom(type)) {
      RequestStreamHandler handler = (RequestStreamHandler) instantiate(type);
      return handler::handleRequest;
    }
    if (!RequestHandler.class.isAssignableFrom(type)) {
      throw new HandlerException("Class does not implement an appropriate handler interface: " + type.getName());
    }
    Type[] io = HandlerTypes.typeArguments(type, RequestHandler.class);
    if (io == null) {
      throw new HandlerException("Class " + type.getName()
          + " does not implement RequestHandler with concrete type parameters");
    }
    for (Type t : io) {
      if (t instanceof TypeVariable<?> variable && Arrays.stream(variable.getBounds()).allMatch(Object.class::equals)) {
        throw new HandlerException("Class " + type.getName()
            + " does not implement RequestHandler with concrete type parameters: parameter " + t
            + " has no upper bound.");
      }
    }
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) instantiate(type);
    return new PojoHandler(handler::handleRequest, serializers.forType(io[0]), outputSerializer(io[1]));
  }

  private FunctionHandler forMethod(Class<?> type, String methodName) throws HandlerException {
    Method[] candidates = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(methodName))
        .sorted(PRIORITY).toArray(Method[]::new);
    for (Method method : candidates) {
      FunctionHandler handler = forOverload(type, method);
      if (handler != null) {
        return handler;
      }
    }
    throw new HandlerException("No public method named " + methodName
        + " with appropriate method signature found on class " + type.getName());
  }

  /** The handler for one overload, or null when its signature is not one the runtime accepts. */
  private FunctionHandler forOverload(Class<?> type, Method method) throws HandlerException {
    Type[] p = method.getGenericParameterTypes();
    switch (p.length) {
      case 0:
        return pojoMethod(type, method, null, false);
      case 1:
        if (p[0] == InputStream.class || p[0] == OutputStream.class) {
          return streamMethod(type, method, p[0] == InputStream.class, p[0] == OutputStream.class, false);
        }
        return p[0] == Context.class ? pojoMethod(type, method, null, true) : pojoMethod(type, method, p[0], false);
      case 2:
        if (p[0] == InputStream.class && p[1] == OutputStream.class) {
          return streamMethod(type, method, true, true, false);
        }
        if ((p[0] == InputStream.class || p[0] == OutputStream.class) && p[1] == Context.class) {
          return streamMethod(type, method, p[0] == InputStream.class, p[0] == OutputStream.class, true);
        }
        if (p[0] != Context.class && p[0] != InputStream.class && p[0] != OutputStream.class
            && p[1] == Context.class) {
          return pojoMethod(type, method, p[0], true);
        }
        return null;
      case 3:
        return p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class
            ? streamMethod(type, method, true, true, true)
            : null;
      default:
        return null;
    }
  }

  private FunctionHandler pojoMethod(Class<?> type, Method method, Type input, boolean context)
      throws HandlerException {
    Object target = Modifier.isStatic(method.getModifiers()) ? null : instantiate(type);
    PojoHandler.Call call = (event, ctx) -> {
      Object[] args = new Object[(input == null ? 0 : 1) + (context ? 1 : 0)];
      int i = 0;
      if (input != null) {
        args[i++] = event;
      }
      if (context) {
        args[i] = ctx;
      }
      return invoke(method, target, args);
    };
    return new PojoHandler(call, input == null ? null : serializers.forType(input),
        outputSerializer(method.getGenericReturnType()));
  }

  private FunctionHandler streamMethod(Class<?> type, Method method, boolean input, boolean output, boolean context)
      throws HandlerException {
    Object target = Modifier.isStatic(method.getModifiers()) ? null : instantiate(type);
    return (event, response, ctx) -> {
      Object[] args = new Object[(input ? 1 : 0) + (output ? 1 : 0) + (context ? 1 : 0)];
      int i = 0;
      if (input) {
        args[i++] = event;
      }
      if (output) {
        args[i++] = response;
      }
      if (context) {
        args[i] = ctx;
      }
      invoke(method, target, args);
      if (!output) {
        response.write(new byte[] {'n', 'u', 'l', 'l'});
      }
    };
  }

  private PojoSerializer<Object> outputSerializer(Type type) {
    boolean none = type == void.class || type instanceof Class<?> c && Void.class.isAssignableFrom(c);
    return none ? null : serializers.forType(type);
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() == null ? e : e.getCause();
    }
  }

  private static Object instantiate(Class<?> type) throws HandlerException {
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
        throw new HandlerException("Class " + type.getName()
            + " cannot be instantiated because it is a non-static inner class", e);
      }
      throw new HandlerException("Class " + type.getName() + " has no public zero-argument constructor", e);
    }
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new HandlerException("Error loading class " + type.getName() + suffix(cause), cause);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new HandlerException("Error loading class " + type.getName() + suffix(e), e);
    }
  }

  private static String suffix(Throwable error) {
    return error.getMessage() == null ? "" : ": " + error.getMessage();
  }

  private static int weight(Method method) {
    Class<?>[] parameters = method.getParameterTypes();
    boolean endsWithContext = parameters.length > 0 && parameters[parameters.length - 1] == Context.class;
    return parameters.length + (endsWithContext ? 1 : 0);
  }
}
