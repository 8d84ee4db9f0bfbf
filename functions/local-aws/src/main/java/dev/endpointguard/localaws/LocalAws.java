package dev.endpointguard.localaws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A local AWS for tests and demos: moto in server mode, started from the bundled {@code moto_launcher.py}, which
 * patches moto to follow the AWS behaviour endpoint-guard depends on (see docs/local-aws.md).
 * One process per instance, on a free loopback port; {@link #close()} (or JVM exit) stops it.
 */
public final class LocalAws implements AutoCloseable {

  private static final String LAUNCHER = "moto_launcher.py";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int STDERR_TAIL_LINES = 40;

  private final Process process;
  private final URI endpoint;
  private final Path launcher;
  private final Deque<String> stderrTail;
  private final HttpClient http;
  private final Thread shutdownHook;

  private LocalAws(Process process, URI endpoint, Path launcher, Deque<String> stderrTail) {
    this.process = process;
    this.endpoint = endpoint;
    this.launcher = launcher;
    this.stderrTail = stderrTail;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.shutdownHook = new Thread(this::stopProcess, "local-aws-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts the local AWS with the first Python that can run moto, installing the pinned moto into
   * {@code home/.local-aws/venv} first when there is none ({@link MotoInstall}).
   *
   * @param home the repository root
   * @param say  told what is being installed, before an install starts
   * @throws IOException when no Python can run moto and the install fails, or the server does not start
   */
  public static LocalAws start(Path home, java.util.function.Consumer<String> say) throws IOException {
    return start(MotoInstall.pythonOrInstall(home, say));
  }

  /** Starts the local AWS with {@code python}, which must be able to import moto, flask and werkzeug. */
  public static LocalAws start(Path python) throws IOException {
    Path launcher = extractLauncher();
    try {
      return launch(python, launcher);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(launcher);
      throw e;
    }
  }

  /**
   * $ENDPOINT_GUARD_PYTHON, then {@code home}/.local-aws/venv/bin/python, then python3 and python on PATH: the first
   * that can run moto.
   */
  public static Optional<Path> findPython(Path home) {
    return MotoPython.find(home);
  }

  /**
   * Credentials for this local AWS, which accepts any signed request: fixed keys named for what they are. Only the
   * local AWS's users (tests, the demo) pass them; production code takes credentials from the default chain.
   */
  public static AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCAL_ACCESS_KEY, LOCAL_SECRET_KEY));
  }

  /** The access key id of {@link #credentials()}, for commands printed to be run against the local AWS. */
  public static final String LOCAL_ACCESS_KEY = "local-aws";
  /** The secret key of {@link #credentials()}. */
  public static final String LOCAL_SECRET_KEY = "local-aws";

  public URI endpoint() {
    return endpoint;
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Forgets all state (moto's, seeded services, recorded evaluations): {@code POST /moto-api/reset}. */
  public void reset() {
    send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset")).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** Every AWS Config PutEvaluations request body received since the last reset, as a JSON list. */
  public String configEvaluationsJson() {
    return send(HttpRequest.newBuilder(endpoint.resolve("/endpoint-guard/config-evaluations")).GET());
  }

  /** Makes DescribeVpcEndpointServices (in the service's Region) report {@code service}; returns the ServiceDetail as JSON. */
  public String seedEndpointService(SeededEndpointService service) {
    return send(HttpRequest.newBuilder(endpoint.resolve("/endpoint-guard/services"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(service.toJson())));
  }

  @Override
  public void close() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run: nothing left to undo
    }
    try {
      Files.deleteIfExists(launcher);
    } catch (IOException e) {
      launcher.toFile().deleteOnExit();
    }
  }

  private void stopProcess() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("local AWS answered " + response.statusCode() + " to "
            + response.request().method() + " " + response.uri() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("local AWS at " + endpoint + " did not answer: " + stderrTail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the local AWS", e);
    }
  }

  private String stderrTail() {
    synchronized (stderrTail) {
      return String.join("\n", stderrTail);
    }
  }

  private static Path extractLauncher() throws IOException {
    Path file = Files.createTempFile("endpoint-guard-moto-launcher-", ".py");
    try (InputStream in = LocalAws.class.getResourceAsStream(LAUNCHER)) {
      if (in == null) {
        Files.deleteIfExists(file);
        throw new IOException(LAUNCHER + " is missing from the classpath next to " + LocalAws.class.getName());
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    file.toFile().deleteOnExit();
    return file;
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static LocalAws launch(Path python, Path launcher) throws IOException {
    int port = freeLoopbackPort();
    ProcessBuilder builder = new ProcessBuilder(python.toString(), "-u", launcher.toString(),
        "--host", "127.0.0.1", "--port", Integer.toString(port));
    builder.environment().put("PYTHONUNBUFFERED", "1");
    Process process = builder.start();
    Deque<String> tail = new ArrayDeque<>();
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    drain(process.getInputStream(), "local-aws-stdout", line -> {
      if (line.startsWith("READY ")) {
        ready.complete(Integer.parseInt(line.substring(6).trim()));
      }
    });
    drain(process.getErrorStream(), "local-aws-stderr", line -> {
      synchronized (tail) {
        tail.addLast(line);
        while (tail.size() > STDERR_TAIL_LINES) {
          tail.removeFirst();
        }
      }
    });
    process.onExit().thenRun(() -> ready.completeExceptionally(
        new IOException("exited with code " + process.exitValue())));
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    LocalAws aws = new LocalAws(process, endpoint, launcher, tail);
    try {
      ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      aws.awaitHealthy(Instant.now().plus(START_TIMEOUT));
      return aws;
    } catch (Exception e) {
      aws.stopProcess();
      Runtime.getRuntime().removeShutdownHook(aws.shutdownHook);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("The local AWS (" + python + " " + launcher.getFileName() + " on port " + port
          + ") did not become ready within " + START_TIMEOUT.toSeconds() + " s: " + e
          + "\n--- its stderr (last lines) ---\n" + aws.stderrTail(), e);
    }
  }

  private void awaitHealthy(Instant deadline) throws IOException, InterruptedException {
    HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(5))
        .GET().build();
    IOException last = null;
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(100);
    }
    throw new IOException("GET /moto-api/ never answered 200", last);
  }

  private static void drain(InputStream stream, String name, java.util.function.Consumer<String> onLine) {
    Thread t = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          onLine.accept(line);
        }
      } catch (IOException streamClosed) {
        // the process ended: nothing more to read
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }
}
