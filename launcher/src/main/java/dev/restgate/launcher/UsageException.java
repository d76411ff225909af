package dev.restgate.launcher;

/** A command line the launcher cannot run with. The message says what is wrong, for the user, in one line. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong with the command line */
  public UsageException(String message) {
    super(message);
  }
}
