package dev.endpointguard.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The training run for {@code bin/endpoint-guard}'s class-data-sharing archive: the launcher runs this class once
 * after each build under {@code -XX:ArchiveClassesAtExit}, and every later run maps the classes it loaded from the
 * archive instead of reading, parsing and verifying them from the jars.
 * https://docs.oracle.com/en/java/javase/17/vm/class-data-sharing.html
 *
 * <p>It runs the real {@code scan} twice (JSON, then text) against a local AWS of its own: an HTTP server on the
 * loopback interface, inside this process, that answers each request with a response the local AWS gave for a small
 * estate (one VPC, five Interface endpoints: single-AZ, private DNS off, the default policy, an open group, clean;
 * resources {@code training/}). So the archive holds what a scan loads — the SDK clients and their XML unmarshalling,
 * the inventory, the rules, the policy parser, both report formats — and the run needs no AWS, no credentials of
 * the user's, and no network beyond the loopback. Fixed dummy keys are set for its own process only.
 */
public final class ArchiveTraining {
  /** Where the canned responses are, one file per operation (and attribute): {@code <Action>[-<Attribute>].xml}. */
  static final String RESPONSES = "/dev/endpointguard/cli/training/";
  /** The SDK's credential system properties (the first source of its default chain). */
  private static final String[] KEYS = {"aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken"};

  private ArchiveTraining() {
  }

  /**
   * What the training run did.
   *
   * @param jsonExit the JSON scan's exit code ({@link EndpointGuardCli#NON_COMPLIANT} expected: the estate has
   *     findings)
   * @param textExit the text scan's exit code (the same expected)
   * @param served requests answered from the canned responses
   * @param unanswered requests it had no response for (each as its operation key); empty when the scan's calls
   *     are all covered
   */
  public record Result(int jsonExit, int textExit, int served, List<String> unanswered) {
    public Result {
      unanswered = List.copyOf(unanswered);
    }

    /** True when both scans ran to their findings and every request was answered. */
    public boolean completed() {
      return jsonExit == EndpointGuardCli.NON_COMPLIANT && textExit == EndpointGuardCli.NON_COMPLIANT
          && served > 0 && unanswered.isEmpty();
    }
  }

  /** Runs the training; exit 0 when it {@linkplain Result#completed() completed}, else 1 with one line on stderr. */
  public static void main(String[] args) {
    EndpointGuardCli.useCliLogging();
    Result result = run(Writer.nullWriter());
    if (!result.completed()) {
      System.err.println("endpoint-guard: archive training did not complete: " + result);
    }
    System.exit(result.completed() ? 0 : 1);
  }

  /**
   * Runs both scans against the in-process local AWS.
   *
   * @param json where the JSON report goes (the text report and stderr are discarded)
   * @return what happened; never throws for a failed scan (its exit code says so)
   * @throws UncheckedIOException when the loopback server cannot start
   */
  public static Result run(Writer json) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicInteger served = new AtomicInteger();
    List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
    server.createContext("/", exchange -> answer(exchange, served, unanswered));
    server.start();
    Map<String, String> saved = setDummyKeys();
    try {
      String url = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
      PrintWriter err = new PrintWriter(Writer.nullWriter());
      int jsonExit = EndpointGuardCli.commandLine(new PrintWriter(json, true), err)
          .execute("scan", "--endpoint-url", url, "--region", "us-east-1", "--format", "json");
      int textExit = EndpointGuardCli.commandLine(new PrintWriter(new StringWriter()), err)
          .execute("scan", "--endpoint-url", url, "--region", "us-east-1", "--format", "text");
      return new Result(jsonExit, textExit, served.get(), unanswered);
    } finally {
      server.stop(0);
      restore(saved);
    }
  }

  private static void answer(HttpExchange exchange, AtomicInteger served, List<String> unanswered)
      throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      String key = key(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          new String(body.readAllBytes(), StandardCharsets.UTF_8));
      byte[] response;
      try (InputStream in = ArchiveTraining.class.getResourceAsStream(RESPONSES + key + ".xml")) {
        response = in == null ? null : in.readAllBytes();
      }
      if (response == null) {
        unanswered.add(key);
        response = ("<Response><Errors><Error><Code>UnsupportedOperation</Code><Message>" + key
            + "</Message></Error></Errors></Response>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(400, response.length);
      } else {
        served.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, response.length);
      }
      exchange.getResponseBody().write(response);
    }
  }

  /**
   * The file a request is answered from: for the query protocols (EC2, STS) the form's {@code Action}, with its
   * {@code Attribute} when it has one ({@code DescribeVpcAttribute-enableDnsSupport}); for Route 53's REST API the
   * method and path, slashes as underscores ({@code GET_2013-04-01_hostedzonesbyvpc}).
   */
  static String key(String method, String path, String form) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String action = fields.get("Action");
    if (action == null) {
      return method + path.replace('/', '_');
    }
    String attribute = fields.get("Attribute");
    return attribute == null ? action : action + "-" + attribute;
  }

  /** The SDK's default chain reads these system properties first: no profile or environment of the user's is used. */
  private static Map<String, String> setDummyKeys() {
    Map<String, String> saved = new HashMap<>();
    for (String k : KEYS) {
      saved.put(k, System.getProperty(k));
    }
    System.setProperty(KEYS[0], "training");
    System.setProperty(KEYS[1], "training");
    System.clearProperty(KEYS[2]);
    return saved;
  }

  private static void restore(Map<String, String> saved) {
    saved.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
  }
}
