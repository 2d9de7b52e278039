package dev.outpost.connectors.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.Fault;
import dev.outpost.connectors.FaultScript;
import dev.outpost.connectors.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake Jetstream replaying the real recorded events of {@code fixtures/bluesky_jetstream} in
 * {@code time_us} order from {@code cursor}, filtered by {@code wantedCollections}, then closing
 * normally. A minimal RFC 6455 server (handshake, unmasked text and close frames), so that faults
 * can answer the upgrade with any HTTP status.
 */
final class FakeJetstream implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  final List<JsonNode> events = new ArrayList<>();
  final List<JsonNode> posts = new ArrayList<>();
  final FaultScript faults = new FaultScript();
  final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
  volatile long visibleUntil = Long.MAX_VALUE;
  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  FakeJetstream(String jsonl) throws IOException {
    for (String line : jsonl.split("\n")) {
      if (!line.isBlank()) {
        events.add(Json.MAPPER.readTree(line));
      }
    }
    events.sort(Comparator.comparingLong(e -> e.path("time_us").asLong()));
    events.stream().filter(e -> Jetstream.post(e).isPresent()).forEach(posts::add);
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::accept);
  }

  URI url() {
    return URI.create("ws://127.0.0.1:" + server.getLocalPort());
  }

  void reveal(int n) {
    visibleUntil = n >= posts.size() ? Long.MAX_VALUE : posts.get(n).path("time_us").asLong() - 1;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(5_000);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      List<String> head = readHead(in);
      String target = head.getFirst().split(" ")[1];
      requests.add(target);
      String key = "";
      for (String h : head) {
        if (h.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
          key = h.substring(h.indexOf(':') + 1).strip();
        }
      }
      Fault f = faults.next();
      switch (f) {
        case RATE_LIMITED -> status(out, "429 Too Many Requests", "Retry-After: 1\r\n");
        case SERVER_ERROR -> status(out, "500 Internal Server Error", "");
        case UNAUTHORIZED -> status(out, "401 Unauthorized", "");
        case TIMEOUT -> {
          upgrade(out, key);
          drain(in);
        }
        case MALFORMED -> {
          upgrade(out, key);
          text(out, "{\"did\":\"did:plc:x\",\"time_us\":");
          drain(in);
        }
        case OK -> {
          upgrade(out, key);
          replay(out, URI.create("http://x" + target));
          close(out, 1000);
          drain(in);
        }
      }
    } catch (Exception e) {
      // the client went away
    }
  }

  private void replay(OutputStream out, URI target) throws IOException {
    long cursor = 0;
    List<String> wanted = new ArrayList<>();
    if (target.getRawQuery() != null) {
      for (String kv : target.getRawQuery().split("&")) {
        String[] p = kv.split("=", 2);
        String v = URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8);
        if (p[0].equals("cursor")) {
          cursor = Long.parseLong(v);
        } else if (p[0].equals("wantedCollections")) {
          wanted.add(v);
        }
      }
    }
    for (JsonNode e : events) {
      long t = e.path("time_us").asLong();
      if (t < cursor || t > visibleUntil) {
        continue;
      }
      String coll = e.path("commit").path("collection").asText("");
      if (!wanted.isEmpty() && e.path("kind").asText().equals("commit") && !wanted.contains(coll)) {
        continue;
      }
      text(out, e.toString());
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    List<String> lines = new ArrayList<>();
    int prev = -1;
    int c;
    while ((c = in.read()) != -1) {
      if (prev == '\r' && c == '\n') {
        byte[] b = line.toByteArray();
        String l = new String(b, 0, b.length - 1, StandardCharsets.ISO_8859_1);
        if (l.isEmpty()) {
          return lines;
        }
        lines.add(l);
        line.reset();
      } else {
        line.write(c);
      }
      prev = c;
    }
    throw new IOException("connection closed during handshake");
  }

  private static void status(OutputStream out, String status, String headers) throws IOException {
    out.write(
        ("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void upgrade(OutputStream out, String key) throws Exception {
    String accept =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: "
                + accept
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void text(OutputStream out, String text) throws IOException {
    frame(out, 0x81, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void close(OutputStream out, int code) throws IOException {
    frame(out, 0x88, new byte[] {(byte) (code >> 8), (byte) code});
  }

  private static void frame(OutputStream out, int first, byte[] payload) throws IOException {
    out.write(first);
    if (payload.length < 126) {
      out.write(payload.length);
    } else if (payload.length < 65_536) {
      out.write(126);
      out.write(payload.length >> 8);
      out.write(payload.length);
    } else {
      out.write(127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) payload.length >> (8 * i)));
      }
    }
    out.write(payload);
    out.flush();
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[1024];
    while (in.read(buf) != -1) {
      // wait for the client to close
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}
