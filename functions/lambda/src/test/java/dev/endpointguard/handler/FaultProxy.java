package dev.endpointguard.handler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A small HTTP proxy on a free loopback port in front of the local AWS that injects faults into a share of the EC2
 * calls: throttling ({@code RequestLimitExceeded}, 503), server errors (500, 503), connection resets, answers slower
 * than the client's time limit, or (for writes only) an answer lost after AWS applied the write: the proxy forwards
 * the call, then resets the connection instead of answering, so the client retries a write that already happened. It counts every call and every EC2 write the local AWS accepted, per action and
 * parameters, so a test can prove no change was made twice. One request per connection; it stops when closed.
 */
public final class FaultProxy implements AutoCloseable {
  /** What happens to a call picked for a fault. */
  public enum Fault { THROTTLE, SERVER_ERROR, RESET, SLOW, LOST_ANSWER }

  /** Which calls may be picked for a fault. */
  public enum Calls {
    /** Every EC2 call (reads and writes). */
    EC2,
    /** EC2 writes only. */
    EC2_WRITES,
    /** SNS Publish only. */
    SNS_PUBLISH
  }

  private static final int MAX_CONNECTIONS = 16;
  private static final String EC2_VERSION = "Version=2016-11-15";
  private static final String SNS_VERSION = "Version=2010-03-31";

  private final URI upstream;
  private final Fault fault;
  private final double rate;
  private final Duration slowBy;
  private final Random random;
  private final ServerSocket server;
  private final ExecutorService workers = Executors.newFixedThreadPool(MAX_CONNECTIONS, r -> {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, AtomicInteger> acceptedWrites = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> lostAnswers = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger ec2Calls = new AtomicInteger();
  private final AtomicInteger injected = new AtomicInteger();
  private volatile boolean injecting = true;
  private final Calls picked;
  private final AtomicInteger budget;
  private final AtomicInteger publishes = new AtomicInteger();

  public FaultProxy(URI upstream, Fault fault, double rate, Duration slowBy, long seed) throws IOException {
    this(upstream, fault, rate, slowBy, seed, Calls.EC2, Integer.MAX_VALUE);
  }

  /** {@code budget}: at most this many faults in all, then every call gets through. */
  public FaultProxy(URI upstream, Fault fault, double rate, Duration slowBy, long seed, Calls picked, int budget)
      throws IOException {
    this.picked = picked;
    this.budget = new AtomicInteger(budget);
    this.upstream = upstream;
    this.fault = fault;
    this.rate = rate;
    this.slowBy = slowBy;
    this.random = new Random(seed);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Stop injecting (a later Lambda retry, when the fault has passed) or start again. */
  void injecting(boolean on) {
    injecting = on;
  }

  public int calls() {
    return calls.get();
  }

  public int ec2Calls() {
    return ec2Calls.get();
  }

  int injected() {
    return injected.get();
  }

  /** SNS Publish calls that reached the proxy, retries included. */
  int publishes() {
    return publishes.get();
  }

  /** Writes whose answer was lost after the local AWS answered them (any status), by action and parameters. */
  Map<String, Integer> lostAnswers() {
    return new TreeMap<>(lostAnswers.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
  }

  /** EC2 writes the local AWS answered 200, by action and parameters; each should appear once. */
  public Map<String, Integer> acceptedWrites() {
    return new TreeMap<>(acceptedWrites.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
  }

  @Override
  public void close() throws IOException {
    server.close();
    workers.shutdownNow();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        workers.execute(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(30_000);
      Request request = Request.read(client.getInputStream());
      calls.incrementAndGet();
      String body = new String(request.body(), StandardCharsets.UTF_8);
      boolean ec2 = body.contains(EC2_VERSION);
      boolean sns = body.contains(SNS_VERSION);
      boolean publish = sns && "Publish".equals(param(body, "Action"));
      if (publish) {
        publishes.incrementAndGet();
      }
      Fault chosen = null;
      boolean unavailable;
      boolean write = ec2 && !isRead(param(body, "Action"));
      boolean pickable = switch (picked) {
        case EC2 -> ec2;
        case EC2_WRITES -> write;
        case SNS_PUBLISH -> publish;
      };
      synchronized (random) {
        // An answer is lost at most once per write: the client's retry of it gets through.
        boolean eligible = pickable && injecting
            && (fault != Fault.LOST_ANSWER || (write || publish) && !lostAnswers.containsKey(writeKey(body)));
        chosen = eligible && random.nextDouble() < rate && budget.getAndDecrement() > 0 ? fault : null;
        unavailable = random.nextBoolean();
      }
      if (ec2) {
        ec2Calls.incrementAndGet();
      }
      if (chosen != null) {
        injected.incrementAndGet();
        switch (chosen) {
          case THROTTLE -> {
            answer(client, sns ? 400 : 503, sns ? snsError("Throttling", "Rate exceeded")
                : ec2Error("RequestLimitExceeded", "Request limit exceeded."));
            return;
          }
          case SERVER_ERROR -> {
            answer(client, unavailable ? 503 : 500, sns ? snsError("InternalError", "An internal error occurred.")
                : ec2Error(unavailable ? "Unavailable" : "InternalError", "An internal error has occurred."));
            return;
          }
          case RESET -> {
            client.setSoLinger(true, 0);
            return;
          }
          case LOST_ANSWER -> {
            forward(client, request, ec2 || publish ? body : "", true);
            return;
          }
          case SLOW -> {
            // Hold the request past the client's limit; if the client gave up meanwhile, it never reaches AWS.
            if (clientGaveUp(client, slowBy)) {
              return;
            }
          }
        }
      }
      forward(client, request, ec2 ? body : "", false);
    } catch (IOException e) {
      // The client went away: nothing to answer.
    }
  }

  private static boolean clientGaveUp(Socket client, Duration wait) throws IOException {
    client.setSoTimeout((int) wait.toMillis());
    try {
      return client.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static boolean isRead(String action) {
    return action.startsWith("Describe") || action.startsWith("Get") || action.startsWith("List");
  }

  /** Sends the call on; answers with what the local AWS said, or with a reset when {@code loseAnswer}. */
  private void forward(Socket client, Request request, String ec2Body, boolean loseAnswer) throws IOException {
    HttpURLConnection up = (HttpURLConnection) upstream.resolve(request.path()).toURL().openConnection();
    up.setRequestMethod(request.method());
    up.setConnectTimeout(5_000);
    up.setReadTimeout(30_000);
    request.headers().forEach((name, value) -> {
      if (!List.of("host", "content-length", "connection", "expect").contains(name.toLowerCase(Locale.ROOT))) {
        up.setRequestProperty(name, value);
      }
    });
    if (request.body().length > 0) {
      up.setDoOutput(true);
      try (OutputStream out = up.getOutputStream()) {
        out.write(request.body());
      }
    }
    int status = up.getResponseCode();
    InputStream in = status >= 400 ? up.getErrorStream() : up.getInputStream();
    byte[] response = in == null ? new byte[0] : in.readAllBytes();
    String type = up.getContentType() == null ? "text/xml" : up.getContentType();
    if (status == 200 && !ec2Body.isEmpty() && ec2Body.contains(EC2_VERSION) && !isRead(param(ec2Body, "Action"))) {
      acceptedWrites.computeIfAbsent(writeKey(ec2Body), k -> new AtomicInteger()).incrementAndGet();
    }
    if (loseAnswer) {
      lostAnswers.computeIfAbsent(writeKey(ec2Body), k -> new AtomicInteger()).incrementAndGet();
      client.setSoLinger(true, 0);
      return;
    }
    write(client, status, type, response);
  }

  private static void answer(Socket client, int status, String xml) throws IOException {
    write(client, status, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Socket client, int status, String type, byte[] body) throws IOException {
    OutputStream out = client.getOutputStream();
    String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Error") + "\r\nContent-Type: " + type
        + "\r\nContent-Length: " + body.length + "\r\nx-amzn-RequestId: fault-proxy\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html#api-error-response
  private static String ec2Error(String code, String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + code + "</Code><Message>"
        + message + "</Message></Error></Errors><RequestID>fault-proxy</RequestID></Response>";
  }

  // https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html (query protocol error response)
  private static String snsError(String code, String message) {
    return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>" + code
        + "</Code><Message>" + message + "</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>";
  }

  /** The write as a sorted parameter list: the same change sent twice has the same key. */
  private static String writeKey(String body) {
    Map<String, String> params = new TreeMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (!key.equals("Version")) {
        params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params.toString();
  }

  private static String param(String body, String name) {
    for (String pair : body.split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  /** One HTTP/1.1 request: request line, headers, a Content-Length body. */
  private record Request(String method, String path, Map<String, String> headers, byte[] body) {
    static Request read(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed before the request ended");
        }
        head.write(b);
        matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
      }
      String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
      String[] first = lines[0].split(" ");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
        }
      }
      int length = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Length"))
          .map(e -> Integer.parseInt(e.getValue())).findFirst().orElse(0);
      return new Request(first[0], first[1], headers, in.readNBytes(length));
    }
  }
}
