package dev.restgate.mapping.template;

/**
 * A failure of a template function ({@code $input.json} of a body that is not JSON, ...). Not an
 * {@link IllegalArgumentException}: Velocity takes those for a mismatched call and renders nothing, where the
 * rendering must fail.
 */
final class TemplateError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TemplateError(String message, Throwable cause) {
    super(message, cause);
  }
}
