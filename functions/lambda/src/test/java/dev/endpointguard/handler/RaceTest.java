package dev.endpointguard.handler;

import static dev.endpointguard.handler.EventEstate.ONE_AZ;
import static dev.endpointguard.handler.Invoker.evaluation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.testing.LocalAwsTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;

/** Duplicate events and two invocations racing on one endpoint, against the local AWS. */
@LocalAwsTest
class RaceTest {
  private static final Map<String, String> REMEDIATE_SINGLE_AZ = Map.of("MODE_SINGLE_AZ_ENDPOINT", "remediate");
  private static final String EVENT = "cloudtrail-create-vpc-endpoint-one-subnet.json";

  @Test
  void complianceAndSweep_sameEventTwice_secondMakesNoWrites(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws, REMEDIATE_SINGLE_AZ);
    for (Functions f : List.of(Functions.COMPLIANCE_REMEDIATION, Functions.SWEEP)) {
      String event = estate.event(f == Functions.SWEEP ? "schedule-sweep.json" : "compliance-change-non-compliant.json");
      invoker.invoke(f, event);
      invoker.counter.reset();

      JsonNode second = invoker.invoke(f, event);

      assertThat(second.path("status").asText()).as(f.logicalId()).isEqualTo("done");
      assertThat(invoker.counter.writes()).as(f.logicalId()).isEmpty();
      assertThat(invoker.logged("single-az-endpoint", estate.id(ONE_AZ)).path("status").asText())
          .isEqualTo("COMPLIANT");
      assertThat(Invoker.resources(second)).doesNotContain(estate.id(ONE_AZ));
    }
  }

  /**
   * Both invocations read the endpoint in one AZ, then both write (a barrier holds each at its ModifyVpcEndpoint
   * until the other arrives): the local AWS takes one and answers the other DuplicateSubnetsInSameZone, which after
   * a re-read showing the AZ covered is success.
   */
  @Test
  void changeEvent_twoRuntimesRacingOnOneEndpoint_bothSucceedAndTheAzIsCoveredOnce(LocalAws aws, AwsClients clients)
      throws Exception {
    EventEstate estate = EventEstate.seed(clients);
    String event = estate.event(EVENT);
    CyclicBarrier bothAtTheWrite = new CyclicBarrier(2);
    List<String> writeErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutionInterceptor holdAtWrite = new ExecutionInterceptor() {
      @Override
      public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof AwsServiceException e && e.awsErrorDetails() != null) {
          writeErrors.add(e.awsErrorDetails().errorCode());
        }
      }

      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if ("ModifyVpcEndpoint".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
          try {
            bothAtTheWrite.await(30, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException("the other invocation never reached its write", e);
          }
        }
      }
    };
    Invoker first = new Invoker(aws, REMEDIATE_SINGLE_AZ, holdAtWrite);
    Invoker second = new Invoker(aws, REMEDIATE_SINGLE_AZ, holdAtWrite);

    List<JsonNode> results = race(List.of(first, second), event);

    List<String> outcomes = new ArrayList<>();
    for (JsonNode result : results) {
      JsonNode e = evaluation(result, "single-az-endpoint", estate.id(ONE_AZ));
      assertThat(result.path("status").asText()).isEqualTo("done");
      assertThat(e.path("outcome").asText()).as("no false failure: %s", e).isEqualTo("APPLIED");
      assertThat(result.path("summary").path("failed").asInt()).isZero();
      outcomes.add(e.path("outcome").asText());
    }
    assertThat(first.counter.writes()).containsExactly("Ec2:ModifyVpcEndpoint");
    assertThat(second.counter.writes()).containsExactly("Ec2:ModifyVpcEndpoint");
    assertThat(coveredAzs(clients, estate.id(ONE_AZ))).hasSize(2);
    assertThat(outcomes).containsOnly("APPLIED");
    // Both chose the same subnet: the local AWS takes the second as a no-op, or refuses it as covering a covered AZ.
    assertThat(writeErrors).isSubsetOf("DuplicateSubnetsInSameZone");
  }

  /**
   * The other writer picks a different subnet in the same AZ and wins between our read and our write: AWS refuses
   * ours with DuplicateSubnetsInSameZone, the re-read shows the AZ covered, and that is success, not a failure.
   */
  @Test
  void changeEvent_anotherWriterCoversTheAzBetweenReadAndWrite_appliedNotFailed(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Map<String, String> twins = new java.util.HashMap<>();
    for (String az : List.of("b", "c")) {
      String vpc = estate.id(EventEstate.VPC);
      String twin = clients.ec2().createSubnet(b -> b.vpcId(vpc).cidrBlock("10.0.1" + (az.equals("b") ? 2 : 3)
          + ".0/24").availabilityZone("us-east-1" + az)).subnet().subnetId();
      twins.put(estate.id(az.equals("b") ? EventEstate.SUBNET_B : EventEstate.SUBNET_C), twin);
      twins.put(twin, estate.id(az.equals("b") ? EventEstate.SUBNET_B : EventEstate.SUBNET_C));
    }
    List<String> writeErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutionInterceptor otherWriterFirst = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof ModifyVpcEndpointRequest ours && !ours.addSubnetIds().isEmpty()) {
          String twin = twins.get(ours.addSubnetIds().get(0));
          clients.ec2().modifyVpcEndpoint(b -> b.vpcEndpointId(ours.vpcEndpointId()).addSubnetIds(twin));
        }
      }

      @Override
      public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof AwsServiceException e && e.awsErrorDetails() != null) {
          writeErrors.add(e.awsErrorDetails().errorCode());
        }
      }
    };
    Invoker invoker = new Invoker(aws, REMEDIATE_SINGLE_AZ, otherWriterFirst);

    JsonNode result = invoker.invoke(Functions.CHANGE_EVENT, estate.event(EVENT));

    assertThat(writeErrors).containsExactly("DuplicateSubnetsInSameZone");
    JsonNode e = evaluation(result, "single-az-endpoint", estate.id(ONE_AZ));
    assertThat(e.path("outcome").asText()).as("%s", e).isEqualTo("APPLIED");
    assertThat(result.path("summary").path("failed").asInt()).isZero();
    assertThat(coveredAzs(clients, estate.id(ONE_AZ))).hasSize(2);
  }

  @Test
  void changeEvent_tenRoundsOfUnsynchronisedRaces_finalStateRightAndNoFailure(LocalAws aws, AwsClients clients)
      throws Exception {
    for (int round = 0; round < 10; round++) {
      aws.reset();
      EventEstate estate = EventEstate.seed(clients);
      List<JsonNode> results = race(List.of(new Invoker(aws, REMEDIATE_SINGLE_AZ),
          new Invoker(aws, REMEDIATE_SINGLE_AZ)), estate.event(EVENT));

      for (JsonNode result : results) {
        JsonNode e = evaluation(result, "single-az-endpoint", estate.id(ONE_AZ));
        assertThat(e.path("outcome").asText()).as("round %d: %s", round, e).isIn("APPLIED", "NONE");
        assertThat(result.path("summary").path("failed").asInt()).isZero();
      }
      assertThat(coveredAzs(clients, estate.id(ONE_AZ))).as("round %d", round).hasSize(2);
    }
  }

  private static List<JsonNode> race(List<Invoker> invokers, String event) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(invokers.size());
    try {
      CyclicBarrier start = new CyclicBarrier(invokers.size());
      List<Future<JsonNode>> running = new ArrayList<>();
      for (Invoker invoker : invokers) {
        invoker.runtime().scope();
        running.add(threads.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return invoker.invoke(Functions.CHANGE_EVENT, event);
        }));
      }
      List<JsonNode> results = new ArrayList<>();
      for (Future<JsonNode> r : running) {
        results.add(r.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  private static Set<String> coveredAzs(AwsClients clients, String endpointId) {
    List<String> subnets = clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(endpointId)).vpcEndpoints()
        .get(0).subnetIds();
    return clients.ec2().describeSubnets(b -> b.subnetIds(subnets)).subnets().stream()
        .map(s -> s.availabilityZoneId()).collect(Collectors.toSet());
  }
}
