package dev.restgate.war;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers 404 for the standalone launcher's classes, which must sit at the root of the WAR for {@code java -jar} and
 * would otherwise be served as static files by the container. Mapped after the gateway's filter, so it only sees
 * requests the gateway passed on (a stage named {@code dev} keeps working).
 */
public class HiddenResourcesFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }
}
