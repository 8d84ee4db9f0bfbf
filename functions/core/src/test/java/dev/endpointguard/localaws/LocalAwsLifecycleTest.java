package dev.endpointguard.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.testing.LocalAwsExtension;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** Starting, resetting and stopping a LocalAws of its own (not the shared one). */
@Tag("local-aws")
class LocalAwsLifecycleTest {

  @Test
  void startResetClose_stateIsClearedAndProcessStops() throws Exception {
    LocalAws local = LocalAws.start(LocalAwsExtension.home(), System.err::println);
    try (AwsClients aws = new AwsClients(AwsClients.Target.local(Region.US_EAST_1, local.endpoint()).withCredentials(LocalAws.credentials()).withRetries(false))) {
      assertThat(local.isRunning()).isTrue();
      assertThat(local.endpoint().toString()).startsWith("http://127.0.0.1:");
      String vpc = aws.ec2().createVpc(b -> b.cidrBlock("10.9.0.0/16")).vpc().vpcId();
      assertThat(aws.ec2().describeVpcs(b -> b.vpcIds(vpc)).vpcs()).hasSize(1);

      local.reset();

      assertThatThrownBy(() -> aws.ec2().describeVpcs(b -> b.vpcIds(vpc)))
          .isInstanceOfSatisfying(Ec2Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound"));
      assertThat(aws.ec2().describeVpcs().vpcs()).singleElement().satisfies(v -> assertThat(v.isDefault()).isTrue());
    } finally {
      local.close();
    }
    assertThat(local.isRunning()).isFalse();
    HttpClient http = HttpClient.newHttpClient();
    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(local.endpoint().resolve("/moto-api/")).build(),
        HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);
  }

  @Test
  void reset_forgetsRecordedEvaluationsAndSeededServices() throws Exception {
    try (LocalAws local = LocalAws.start(LocalAwsExtension.home(), System.err::println);
         AwsClients aws = new AwsClients(AwsClients.Target.local(Region.US_EAST_1, local.endpoint()).withCredentials(LocalAws.credentials()).withRetries(false))) {
      local.seedEndpointService(SeededEndpointService.of("seeded", java.util.List.of("us-east-1a")));
      aws.config().putEvaluations(b -> b.resultToken("t").testMode(true).evaluations(e -> e
          .complianceResourceType("AWS::EC2::VPCEndpoint").complianceResourceId("vpce-1")
          .complianceType("COMPLIANT").orderingTimestamp(java.time.Instant.EPOCH)));
      assertThat(local.configEvaluationsJson()).contains("vpce-1");

      local.reset();

      assertThat(local.configEvaluationsJson()).isEqualTo("[]");
      assertThatThrownBy(() -> aws.ec2().describeVpcEndpointServices(b -> b.serviceNames("com.amazonaws.us-east-1.seeded")))
          .isInstanceOfSatisfying(Ec2Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidServiceName"));
    }
  }

  @Test
  void start_withPythonWithoutMoto_failsWithStderrTail() {
    assertThatThrownBy(() -> LocalAws.start(Path.of("/bin/false")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("did not become ready");
  }
}
