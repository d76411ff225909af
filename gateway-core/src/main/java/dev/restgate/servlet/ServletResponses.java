package dev.restgate.servlet;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;

/** The one place a {@link GatewayResponse} becomes a servlet response. */
final class ServletResponses {
  private ServletResponses() {}

  /** Writes {@code answer} and closes its body, whatever happens. */
  static void write(GatewayResponse answer, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try (Body body = answer.body()) {
      response.setStatus(answer.status());
      Headers headers = answer.headers();
      for (int i = 0; i < headers.size(); i++) {
        String name = headers.name(i);
        if (name.equalsIgnoreCase("Content-Type")) {
          response.setContentType(headers.value(i));
        } else {
          response.addHeader(name, headers.value(i));
        }
      }
      long length = body.length();
      if (length >= 0) {
        response.setContentLengthLong(length);
      }
      if ("HEAD".equals(request.getMethod()) || length == 0) {
        return;
      }
      OutputStream out = response.getOutputStream();
      body.writeTo(out);
    }
  }
}
