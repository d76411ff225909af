package dev.restgate.lambda.internal.local;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finds the type arguments a class gives a generic interface, through superclasses and superinterfaces, so
 * {@code class Orders extends JsonHandler<Order>} with {@code JsonHandler<T> implements RequestHandler<T, String>}
 * resolves to {@code (Order, String)}. Nested variables are substituted too ({@code List<T>} → {@code List<Order>}).
 */
final class HandlerTypes {
  private HandlerTypes() {}

  /** The arguments {@code type} gives {@code generic}, or null when it implements it raw or not at all. */
  static Type[] typeArguments(Class<?> type, Class<?> generic) {
    return search(type, Map.of(), generic);
  }

  private static Type[] search(Type current, Map<TypeVariable<?>, Type> bindings, Class<?> generic) {
    Class<?> raw;
    Map<TypeVariable<?>, Type> inner = new HashMap<>();
    if (current instanceof ParameterizedType parameterized) {
      raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      TypeVariable<?>[] variables = raw.getTypeParameters();
      for (int i = 0; i < variables.length; i++) {
        inner.put(variables[i], substitute(arguments[i], bindings));
      }
      if (raw == generic) {
        return Arrays.stream(variables).map(inner::get).toArray(Type[]::new);
      }
    } else if (current instanceof Class<?> plain) {
      raw = plain;
    } else {
      return null;
    }
    for (Type parent : raw.getGenericInterfaces()) {
      Type[] found = search(parent, inner, generic);
      if (found != null) {
        return found;
      }
    }
    Type superclass = raw.getGenericSuperclass();
    return superclass == null ? null : search(superclass, inner, generic);
  }

  private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> variable) {
      return bindings.getOrDefault(variable, variable);
    }
    if (type instanceof ParameterizedType parameterized) {
      Type[] arguments = Arrays.stream(parameterized.getActualTypeArguments())
          .map(argument -> substitute(argument, bindings)).toArray(Type[]::new);
      return new Parameterized((Class<?>) parameterized.getRawType(), parameterized.getOwnerType(), arguments);
    }
    if (type instanceof GenericArrayType array) {
      Type component = substitute(array.getGenericComponentType(), bindings);
      return component instanceof Class<?> plain ? plain.arrayType() : new GenericArray(component);
    }
    return type;
  }

  /** A parameterized type built after substitution; equal to the JDK's own for the same type. */
  private record Parameterized(Class<?> raw, Type owner, Type[] arguments) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return owner;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ParameterizedType that && raw.equals(that.getRawType())
          && Objects.equals(owner, that.getOwnerType())
          && Arrays.equals(arguments, that.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(arguments) ^ Objects.hashCode(owner) ^ raw.hashCode();
    }

    @Override
    public String toString() {
      return raw.getTypeName() + Arrays.stream(arguments).map(Type::getTypeName)
          .collect(Collectors.joining(", ", "<", ">"));
    }
  }

  private record GenericArray(Type component) implements GenericArrayType {
    @Override
    public Type getGenericComponentType() {
      return component;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof GenericArrayType that && component.equals(that.getGenericComponentType());
    }

    @Override
    public int hashCode() {
      return component.hashCode();
    }

    @Override
    public String toString() {
      return component.getTypeName() + "[]";
    }
  }
}
