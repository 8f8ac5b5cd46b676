package dev.switchboard.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A blocking HTTP/1.1 POST over one kept-alive socket, for the overhead scenario: the request is built and signed
 * before the clock starts, and the clock starts as its bytes go out, so a command's time holds none of the
 * harness's own client work (the JDK client's thread hand-offs added up to a few ms of jitter to a sample).
 */
final class PlainPost implements AutoCloseable {

  /** A request ready to go out. */
  record Prepared(byte[] bytes) {}

  /** Its answer's status, and when its first byte went out. */
  record Sent(int status, Instant at) {}

  private final String host;
  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  PlainPost(String host, int port) {
    this(host, port, Duration.ofSeconds(10));
  }

  /** As {@link #PlainPost(String, int)}, giving up on an answer after {@code timeout}. */
  PlainPost(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
  }

  Prepared prepare(String path, String body, Map<String, String> headers) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
        .append(':').append(port).append("\r\nContent-Length: ").append(content.length).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[start.length + content.length];
    System.arraycopy(start, 0, bytes, 0, start.length);
    System.arraycopy(content, 0, bytes, start.length, content.length);
    return new Prepared(bytes);
  }

  Sent send(Prepared request) {
    try {
      if (socket == null || socket.isClosed()) connect();
      Instant at = Instant.now();
      out.write(request.bytes());
      out.flush();
      return new Sent(readResponse(), at);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5000);
    socket.setSoTimeout(timeoutMillis);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /** Reads one response (status line, headers, a Content-Length or chunked body); closes if the server will. */
  private int readResponse() throws IOException {
    String status = line();
    int code = Integer.parseInt(status.split(" ")[1]);
    long length = 0;
    boolean chunked = false;
    boolean closing = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).strip());
      if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
      if (lower.startsWith("connection:") && lower.contains("close")) closing = true;
    }
    if (chunked) {
      for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
        skip(size);
        line();
      }
      line();
    } else {
      skip(length);
    }
    if (closing) close();
    return code;
  }

  private void skip(long n) throws IOException {
    for (long left = n; left > 0; left--) {
      if (in.read() < 0) throw new IOException("connection closed in a response body");
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) throw new IOException("connection closed in a response");
      if (b != '\r') bytes.write(b);
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    try {
      if (socket != null) socket.close();
    } catch (IOException ignored) {
      // closing: nothing left to do
    }
    socket = null;
  }
}
