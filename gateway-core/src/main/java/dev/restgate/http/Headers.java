package dev.restgate.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * An ordered multi-map of HTTP header fields. Names keep the case in which they were added; look-ups ignore case.
 * Header lists are short, so a flat list beats hashing here.
 *
 * <p>Not thread-safe: an instance belongs to one request or one response.
 */
public final class Headers {
  private final ArrayList<String> names;
  private final ArrayList<String> values;

  public Headers() {
    this(16);
  }

  public Headers(int expectedSize) {
    names = new ArrayList<>(expectedSize);
    values = new ArrayList<>(expectedSize);
  }

  /** Appends a field; existing fields of the same name stay. */
  public Headers add(String name, String value) {
    names.add(name);
    values.add(value);
    return this;
  }

  /** Replaces every field of this name by one field with {@code value}, keeping the position of the first. */
  public Headers set(String name, String value) {
    int first = indexOf(name, 0);
    if (first < 0) {
      return add(name, value);
    }
    names.set(first, name);
    values.set(first, value);
    for (int i = names.size() - 1; i > first; i--) {
      if (names.get(i).equalsIgnoreCase(name)) {
        names.remove(i);
        values.remove(i);
      }
    }
    return this;
  }

  /** Removes every field of this name; returns whether one was there. */
  public boolean remove(String name) {
    boolean removed = false;
    for (int i = names.size() - 1; i >= 0; i--) {
      if (names.get(i).equalsIgnoreCase(name)) {
        names.remove(i);
        values.remove(i);
        removed = true;
      }
    }
    return removed;
  }

  /** The first value of this name, or null. */
  public String first(String name) {
    int i = indexOf(name, 0);
    return i < 0 ? null : values.get(i);
  }

  /** The last value of this name, or null. */
  public String last(String name) {
    for (int i = names.size() - 1; i >= 0; i--) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return values.get(i);
      }
    }
    return null;
  }

  /** Every value of this name, in order. */
  public List<String> all(String name) {
    List<String> result = null;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        if (result == null) {
          result = new ArrayList<>(2);
        }
        result.add(values.get(i));
      }
    }
    return result == null ? List.of() : result;
  }

  public boolean contains(String name) {
    return indexOf(name, 0) >= 0;
  }

  /** Number of fields (not of distinct names). */
  public int size() {
    return names.size();
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }

  /** Name of field {@code index}, as added. */
  public String name(int index) {
    return names.get(index);
  }

  /** Value of field {@code index}. */
  public String value(int index) {
    return values.get(index);
  }

  /** Calls {@code action} for every field in order. */
  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < names.size(); i++) {
      action.accept(names.get(i), values.get(i));
    }
  }

  private int indexOf(String name, int from) {
    for (int i = from; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names.get(i)).append('=').append(values.get(i));
    }
    return sb.append('}').toString();
  }
}
