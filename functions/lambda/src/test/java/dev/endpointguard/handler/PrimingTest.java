package dev.endpointguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.Wiring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class PrimingTest {
  /** sts, 10 EC2 reads, 2 Route 53 reads, organizations, sns, config. */
  private static final int READS = 20;

  private ServerSocket listener;
  private final AtomicInteger connections = new AtomicInteger();
  private final WriteCounter sdkCalls = new WriteCounter();
  private AwsClients clients;
  private Priming priming;

  @BeforeEach
  void startCountingListener() throws IOException {
    // Clients aimed at a listener that counts connections: anything sent would arrive here.
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(() -> {
      while (!listener.isClosed()) {
        try (Socket s = listener.accept()) {
          connections.incrementAndGet();
        } catch (SocketException closed) {
          return;
        } catch (IOException e) {
          return;
        }
      }
    });
    accept.setDaemon(true);
    accept.start();
    URI endpoint = URI.create("http://127.0.0.1:" + listener.getLocalPort());
    clients = new AwsClients(AwsClients.Target.local(Region.US_EAST_1, endpoint).withRetries(false)
        .withInterceptors(List.of(sdkCalls)));
    priming = new Priming(clients, Wiring.pipeline(clients));
  }

  @AfterEach
  void stop() throws IOException {
    listener.close();
    clients.close();
  }

  @Test
  void prime_clientsAimedAtListener_buildsEveryReadAndSendsNothing() {
    PrimingReport report = priming.prime();

    assertThat(connections).hasValue(0);
    assertThat(sdkCalls.calls()).hasSize(READS);
    assertThat(sdkCalls.writes()).isEmpty();
    assertThat(report.requestsStopped()).isEqualTo(READS);
    assertThat(report.requestFailures()).isEmpty();
  }

  @Test
  void prime_clientsAimedAtClosedPort_completes() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (AwsClients closed = new AwsClients(AwsClients.Target.local(Region.US_EAST_1,
        URI.create("http://127.0.0.1:" + closedPort)).withRetries(false))) {
      PrimingReport report = new Priming(closed, Wiring.pipeline(closed)).prime();

      assertThat(report.requestsStopped()).isEqualTo(READS);
      assertThat(report.requestFailures()).isEmpty();
    }
  }

  @Test
  void prime_syntheticEstate_everyRuleEvaluatedAndFindingsPlannedNotApplied() {
    PrimingReport report = priming.prime();

    // One endpoint (four endpoint rules), its VPC (one VPC rule) and one endpoint service (one rule); the endpoint
    // breaks every endpoint rule, the service its rule.
    assertThat(report.evaluations()).isEqualTo(6);
    assertThat(report.findings()).isEqualTo(5);
    // Every finding takes the path a remediation takes: its plan is built and safety-checked, and not applied.
    assertThat(report.planned()).isEqualTo(report.findings());
    assertThat(sdkCalls.writes()).isEmpty();
  }

  @Test
  void prime_sampleEvents_everyDecoderTurnsItsSampleIntoWork() {
    PrimingReport report = priming.prime();

    assertThat(report.eventsDecoded()).isEqualTo(4);
    assertThat(report.rejectedEvents()).isEmpty();
  }

  @Test
  void beforeCheckpoint_noCracRuntime_runsTheDryRun() {
    priming.beforeCheckpoint(null);

    assertThat(sdkCalls.calls()).hasSize(READS);
    assertThat(connections).hasValue(0);
  }

  @Test
  void register_primeVariableSet_primesAtOnce() {
    Optional<PrimingReport> report = priming.register(Map.of(Priming.ENV_PRIME, "1"));

    assertThat(report).isPresent();
    assertThat(sdkCalls.calls()).hasSize(READS);
  }

  @Test
  void register_primeVariableUnset_registersWithoutPriming() {
    Optional<PrimingReport> report = priming.register(Map.of());

    assertThat(report).isEmpty();
    assertThat(sdkCalls.calls()).isEmpty();
  }
}
