package dev.restgate.mapping.template;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

/**
 * What templates may call: the gateway's own template objects ({@code $input}, {@code $util}) and the values they
 * hand out (strings, numbers, booleans, maps, lists), never {@code getClass} or anything reached from it. API owners
 * write templates, but templates run inside the gateway: a call outside this list fails the rendering, naming what
 * was refused, before anything is invoked.
 */
public final class SandboxUberspector extends UberspectImpl {
  private static final Set<String> NEVER = Set.of("getClass", "class", "forName", "getClassLoader", "classLoader",
      "newInstance", "invoke", "wait", "notify", "notifyAll", "getDeclaredMethods", "getMethods", "getRuntime",
      "exec", "load", "loadLibrary", "exit", "halt",
      // Integer.getInteger, Long.getLong and Boolean.getBoolean read system properties.
      "getInteger", "getLong", "getBoolean");

  @Override
  public VelMethod getMethod(Object obj, String methodName, Object[] args, Info i) {
    check(obj, methodName, i);
    return super.getMethod(obj, methodName, args, i);
  }

  @Override
  public VelPropertyGet getPropertyGet(Object obj, String identifier, Info i) {
    check(obj, identifier, i);
    return super.getPropertyGet(obj, identifier, i);
  }

  @Override
  public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info i) {
    check(obj, identifier, i);
    return super.getPropertySet(obj, identifier, arg, i);
  }

  @Override
  public Iterator<?> getIterator(Object obj, Info i) {
    if (obj != null && !allowed(obj)) {
      throw refusal("iterating over a " + obj.getClass().getName(), i);
    }
    return super.getIterator(obj, i);
  }

  private static void check(Object target, String member, Info info) {
    if (target == null) {
      return;
    }
    if (NEVER.contains(member)) {
      throw refusal("'" + member + "'", info);
    }
    if (!allowed(target)) {
      throw refusal("'" + member + "' on a " + target.getClass().getName(), info);
    }
  }

  private static boolean allowed(Object target) {
    return target instanceof String || target instanceof Number || target instanceof Boolean
        || target instanceof Character || target instanceof Map || target instanceof Collection
        || target instanceof Map.Entry || target instanceof InputVariable || target instanceof UtilVariable;
  }

  private static VelocityException refusal(String what, Info info) {
    return new VelocityException("Templates may not use " + what + " (" + info + ")");
  }
}
