package dev.restgate.mapping.template;

/** A mapping template that could not be rendered for one request: what went wrong, and where in the template. */
public final class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
