package dev.restgate.spi;

/**
 * One error or warning found in a configuration or API definition.
 *
 * @param source the file (or other origin) it was found in; may be null
 * @param pointer the JSON pointer of the offending value within {@code source} ({@code ""} for the document)
 * @param message what is wrong and, where it helps, what to do
 */
public record Problem(String source, String pointer, String message) {
  @Override
  public String toString() {
    return (source == null ? "" : source) + "#" + pointer + ": " + message;
  }
}
