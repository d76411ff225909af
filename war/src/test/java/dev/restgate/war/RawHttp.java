package dev.restgate.war;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Sends bytes no HTTP client library would send (malformed URIs, bad hosts) and reads the raw answer. */
final class RawHttp {
  private RawHttp() {}

  /** A response as read off the socket. */
  record Response(int status, String head, String body) {
    String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(line -> line.substring(prefix.length()).trim()).findFirst().orElse("");
    }

    @Override
    public String toString() {
      return head + "\n\n" + body;
    }
  }

  /** Writes {@code request} to the server of {@code base} and reads until it closes the connection. */
  static Response exchange(URI base, String request) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      String[] statusLine = head.split(" ", 3);
      return new Response(statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : 0, head, body);
    }
  }
}
