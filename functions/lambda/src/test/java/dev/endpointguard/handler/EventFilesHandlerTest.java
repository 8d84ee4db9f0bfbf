package dev.endpointguard.handler;

import static dev.endpointguard.handler.EventEstate.DNS_OFF_BROAD;
import static dev.endpointguard.handler.EventEstate.HEALTHY;
import static dev.endpointguard.handler.EventEstate.ONE_AZ;
import static dev.endpointguard.handler.EventEstate.SERVICE;
import static dev.endpointguard.handler.EventEstate.VPC;
import static dev.endpointguard.handler.Invoker.evaluation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.testing.LocalAwsTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every file in events/ through its real handler against the local AWS (default settings: every rule alerts). */
@LocalAwsTest
class EventFilesHandlerTest {
  private static final Set<String> COVERED = Set.of(
      "cloudtrail-create-vpc-endpoint-one-subnet.json", "cloudtrail-create-vpc-endpoint-several-subnets.json",
      "cloudtrail-create-vpc-endpoint-pending-no-subnets.json", "cloudtrail-modify-vpc-endpoint-add-subnet.json",
      "cloudtrail-modify-vpc-endpoint-private-dns-off.json", "cloudtrail-modify-vpc-endpoint-policy.json",
      "cloudtrail-modify-vpc-endpoint-error.json", "cloudtrail-modify-vpc-attribute-dns-support-off.json",
      "cloudtrail-modify-vpc-attribute-dns-hostnames-off.json",
      "cloudtrail-authorize-security-group-ingress-nested.json",
      "cloudtrail-authorize-security-group-ingress-flat.json", "cloudtrail-modify-security-group-rules.json",
      "cloudtrail-delete-vpc-endpoints.json", "cloudtrail-create-subnet.json",
      "config-rule-change-vpc-endpoint.json", "config-rule-change-vpc-endpoint-deleted.json",
      "config-rule-oversized.json", "config-rule-scheduled.json", "compliance-change-non-compliant.json",
      "schedule-sweep.json", "cloudtrail-create-vpc-endpoint-service-configuration.json",
      "cloudtrail-modify-vpc-endpoint-service-configuration-acceptance-off.json",
      "cloudtrail-modify-vpc-endpoint-service-permissions-everyone.json", "config-rule-change-vpc-endpoint-service.json",
      "compliance-change-non-compliant-endpoint-service.json", "sqs-sweep-continuation.json");

  @Test
  void eventsFolder_everyFile_isRunThroughItsHandlerHere() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("events"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
          .containsExactlyInAnyOrderElementsOf(COVERED);
    }
  }

  @Test
  void createEndpoint_oneSubnet_singleAzNonCompliantWithAddSubnetsPlanned(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.CHANGE_EVENT,
        estate.event("cloudtrail-create-vpc-endpoint-one-subnet.json"));

    assertThat(result.path("status").asText()).isEqualTo("done");
    JsonNode e = evaluation(result, "single-az-endpoint", estate.id(ONE_AZ));
    assertThat(e.path("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(e.path("plan").get(0).path("change").asText()).isEqualTo("AddSubnets");
    assertThat(e.path("outcome").asText()).isEqualTo("PLANNED");
    assertThat(invoker.loggedResources()).contains(estate.id(ONE_AZ)).doesNotContain(estate.id(HEALTHY));
    assertThat(invoker.counter.writes()).isEmpty();
  }

  @Test
  void createEndpoint_severalSubnets_singleAzCompliant(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.CHANGE_EVENT,
        estate.event("cloudtrail-create-vpc-endpoint-several-subnets.json"));

    assertThat(invoker.logged("single-az-endpoint", estate.id(DNS_OFF_BROAD)).path("status").asText())
        .isEqualTo("COMPLIANT");
    assertThat(result.path("findings")).noneMatch(f -> f.path("rule").asText().equals("single-az-endpoint"));
  }

  @Test
  void createEndpoint_pendingWithNoSubnets_judgedFromAFreshRead(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.CHANGE_EVENT,
        estate.event("cloudtrail-create-vpc-endpoint-pending-no-subnets.json"));

    // The event says no subnets; AWS says three AZs.
    JsonNode e = invoker.logged("single-az-endpoint", estate.id(HEALTHY));
    assertThat(e.path("status").asText()).isEqualTo("COMPLIANT");
    assertThat(result.path("findings")).noneMatch(f -> f.path("rule").asText().equals("single-az-endpoint"));
  }

  @Test
  void modifyEndpoint_addSubnet_reEvaluatesThatEndpoint(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.CHANGE_EVENT,
        estate.event("cloudtrail-modify-vpc-endpoint-add-subnet.json"));

    assertThat(invoker.loggedResources()).contains(estate.id(ONE_AZ));
    assertThat(evaluation(result, "single-az-endpoint", estate.id(ONE_AZ)).path("status").asText())
        .isEqualTo("NON_COMPLIANT");
  }

  @Test
  void modifyEndpoint_privateDnsOff_privateDnsDisabledWithEnablePlan(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    JsonNode result = new Invoker(aws).invoke(Functions.CHANGE_EVENT,
        estate.event("cloudtrail-modify-vpc-endpoint-private-dns-off.json"));

    JsonNode e = evaluation(result, "private-dns-disabled", estate.id(DNS_OFF_BROAD));
    assertThat(e.path("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(e.path("plan").get(0).path("change").asText()).isEqualTo("EnablePrivateDns");
  }

  @Test
  void modifyEndpoint_policy_broadEndpointPolicyNonCompliant(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    JsonNode result = new Invoker(aws).invoke(Functions.CHANGE_EVENT,
        estate.event("cloudtrail-modify-vpc-endpoint-policy.json"));

    assertThat(evaluation(result, "broad-endpoint-policy", estate.id(DNS_OFF_BROAD)).path("status").asText())
        .isEqualTo("NON_COMPLIANT");
  }

  @Test
  void modifyEndpoint_failedCall_ignoredWithoutEc2Calls(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.CHANGE_EVENT, estate.event("cloudtrail-modify-vpc-endpoint-error.json"));

    assertThat(result.path("status").asText()).isEqualTo("ignored");
    assertThat(result.path("reason").asText()).contains("Client.DuplicateSubnetsInSameZone");
    // The account comes from the function's ARN: no STS call, EC2 is not read, nothing is written.
    assertThat(invoker.counter.calls()).isEmpty();
  }

  @Test
  void modifyVpcAttribute_dnsSupportOff_vpcDnsDisabledNonCompliant(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    estate.vpcDnsSupport(false);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.CHANGE_EVENT,
        estate.event("cloudtrail-modify-vpc-attribute-dns-support-off.json"));

    JsonNode e = evaluation(result, "vpc-dns-disabled", estate.id(VPC));
    assertThat(e.path("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(invoker.loggedResources()).contains(estate.id(ONE_AZ), estate.id(DNS_OFF_BROAD), estate.id(HEALTHY));
  }

  @Test
  void modifyVpcAttribute_dnsHostnamesOff_vpcDnsDisabledNonCompliant(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    estate.vpcDnsHostnames(false);
    JsonNode result = new Invoker(aws).invoke(Functions.CHANGE_EVENT,
        estate.event("cloudtrail-modify-vpc-attribute-dns-hostnames-off.json"));

    assertThat(evaluation(result, "vpc-dns-disabled", estate.id(VPC)).path("status").asText())
        .isEqualTo("NON_COMPLIANT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cloudtrail-authorize-security-group-ingress-nested.json",
      "cloudtrail-authorize-security-group-ingress-flat.json", "cloudtrail-modify-security-group-rules.json"})
  void ingressChange_groupOpenToTheWorld_everyEndpointUsingItNonCompliant(String file, LocalAws aws,
                                                                         AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    estate.openGroupToTheWorld();
    JsonNode result = new Invoker(aws).invoke(Functions.CHANGE_EVENT, estate.event(file));

    for (String endpoint : List.of(ONE_AZ, DNS_OFF_BROAD, HEALTHY)) {
      assertThat(evaluation(result, "broad-endpoint-security-group", estate.id(endpoint)).path("status").asText())
          .isEqualTo("NON_COMPLIANT");
    }
  }

  @Test
  void deleteEndpoints_sweepsTheRegion(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    invoker.invoke(Functions.CHANGE_EVENT, estate.event("cloudtrail-delete-vpc-endpoints.json"));

    assertThat(invoker.loggedResources()).contains(estate.id(ONE_AZ), estate.id(DNS_OFF_BROAD), estate.id(HEALTHY),
        estate.id(VPC));
  }

  @Test
  void createSubnet_reEvaluatesTheEndpointsOfItsVpc(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.CHANGE_EVENT, estate.event("cloudtrail-create-subnet.json"));

    assertThat(result.path("status").asText()).isEqualTo("done");
    assertThat(invoker.loggedResources()).contains(estate.id(ONE_AZ), estate.id(DNS_OFF_BROAD), estate.id(HEALTHY));
  }

  @Test
  void configChange_singleAzRule_putsOneNonCompliantEvaluationInTestMode(LocalAws aws, AwsClients clients)
      throws IOException {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.CONFIG_RULE, estate.event("config-rule-change-vpc-endpoint.json"));

    assertThat(result.path("configEvaluations").asInt()).isEqualTo(1);
    JsonNode sent = Invoker.JSON.readTree(aws.configEvaluationsJson());
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).path("TestMode").asBoolean()).isTrue();
    assertThat(sent.get(0).path("ResultToken").asText()).isEqualTo("TESTMODE");
    JsonNode e = sent.get(0).path("Evaluations");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).path("ComplianceResourceType").asText()).isEqualTo("AWS::EC2::VPCEndpoint");
    assertThat(e.get(0).path("ComplianceResourceId").asText()).isEqualTo(estate.id(ONE_AZ));
    assertThat(e.get(0).path("ComplianceType").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(e.get(0).path("Annotation").asText()).isNotBlank().hasSizeLessThanOrEqualTo(256);
    assertThat(orderingTimestamp(e.get(0))).isEqualTo(configurationItemCaptureTime(
        estate.event("config-rule-change-vpc-endpoint.json")));
    assertThat(invoker.counter.writes()).containsExactly("Config:PutEvaluations");
  }

  @Test
  void configChange_deletedEndpoint_notApplicableWithoutReadingEc2(LocalAws aws, AwsClients clients)
      throws IOException {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    invoker.invoke(Functions.CONFIG_RULE, estate.event("config-rule-change-vpc-endpoint-deleted.json"));

    JsonNode e = Invoker.JSON.readTree(aws.configEvaluationsJson()).get(0).path("Evaluations");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).path("ComplianceResourceId").asText()).isEqualTo(estate.id(HEALTHY));
    assertThat(e.get(0).path("ComplianceType").asText()).isEqualTo("NOT_APPLICABLE");
    assertThat(invoker.counter.calls("ec2")).isEmpty();
    assertThat(invoker.counter.calls()).isNotEmpty();
  }

  @Test
  void configOversized_broadPolicyRule_reReadsAndPutsNonCompliant(LocalAws aws, AwsClients clients)
      throws IOException {
    EventEstate estate = EventEstate.seed(clients);
    new Invoker(aws).invoke(Functions.CONFIG_RULE, estate.event("config-rule-oversized.json"));

    JsonNode e = Invoker.JSON.readTree(aws.configEvaluationsJson()).get(0).path("Evaluations");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).path("ComplianceResourceId").asText()).isEqualTo(estate.id(DNS_OFF_BROAD));
    assertThat(e.get(0).path("ComplianceType").asText()).isEqualTo("NON_COMPLIANT");
  }

  @Test
  void configScheduled_vpcDnsRule_putsOneEvaluationPerVpcHoldingEndpoints(LocalAws aws, AwsClients clients)
      throws IOException {
    EventEstate estate = EventEstate.seed(clients);
    estate.vpcDnsHostnames(false);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.CONFIG_RULE, estate.event("config-rule-scheduled.json"));

    JsonNode e = Invoker.JSON.readTree(aws.configEvaluationsJson()).get(0).path("Evaluations");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).path("ComplianceResourceType").asText()).isEqualTo("AWS::EC2::VPC");
    assertThat(e.get(0).path("ComplianceResourceId").asText()).isEqualTo(estate.id(VPC));
    assertThat(e.get(0).path("ComplianceType").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(result.path("findings")).allMatch(x -> x.path("rule").asText().equals("vpc-dns-disabled"));
    assertThat(result.at("/summary/evaluated").asInt()).isEqualTo(1);
    // Evaluates only: the VPC's hostnames stay off.
    assertThat(invoker.counter.writes()).containsExactly("Config:PutEvaluations");
  }

  @Test
  void complianceChange_nonCompliant_reEvaluatesThatResourceForThatRule(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    JsonNode result = new Invoker(aws).invoke(Functions.COMPLIANCE_REMEDIATION,
        estate.event("compliance-change-non-compliant.json"));

    assertThat(result.at("/summary/evaluated").asInt()).isEqualTo(1);
    assertThat(result.path("findings")).hasSize(1);
    JsonNode e = evaluation(result, "single-az-endpoint", estate.id(ONE_AZ));
    assertThat(e.path("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(e.path("outcome").asText()).isEqualTo("PLANNED");
  }

  @Test
  void scheduledSweep_everyEndpointEveryRule_summaryCounts(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    JsonNode result = new Invoker(aws).invoke(Functions.SWEEP, estate.event("schedule-sweep.json"));

    // 3 endpoints × 4 endpoint rules + 1 VPC × 1 VPC rule.
    assertThat(result.path("summary").path("evaluated").asInt()).isEqualTo(13);
    // single-az on …60101; private DNS and policy on …60102.
    assertThat(result.path("summary").path("nonCompliant").asInt()).isEqualTo(3);
    assertThat(result.path("summary").path("applied").asInt()).isZero();
  }

  /** Issue 12: each call that can open an endpoint service re-evaluates that service, and only it. */
  @ParameterizedTest
  @ValueSource(strings = {"cloudtrail-create-vpc-endpoint-service-configuration.json",
      "cloudtrail-modify-vpc-endpoint-service-configuration-acceptance-off.json",
      "cloudtrail-modify-vpc-endpoint-service-permissions-everyone.json"})
  void endpointServiceCall_openToEveryone_servicePermissionsNonCompliantRequireAcceptancePlanned(String file,
                                                                                               LocalAws aws,
                                                                                               AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    estate.offerServiceToEveryone(aws);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.CHANGE_EVENT, estate.event(file));

    assertThat(Invoker.resources(result)).containsOnly(estate.id(SERVICE));
    JsonNode e = evaluation(result, "broad-endpoint-service-permissions", estate.id(SERVICE));
    assertThat(e.path("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(e.path("resourceType").asText()).isEqualTo("AWS::EC2::VPCEndpointService");
    assertThat(e.path("vpcId").isNull()).isTrue();
    assertThat(e.path("plan").get(0).path("change").asText()).isEqualTo("RequireAcceptance");
    assertThat(e.path("outcome").asText()).isEqualTo("PLANNED");
    // Only the service is read: no endpoint of the estate.
    assertThat(invoker.counter.calls("ec2")).extracting(c -> c.substring(c.indexOf(':') + 1))
        .doesNotContain("DescribeVpcEndpoints");
  }

  @Test
  void configChange_endpointServiceRule_putsOneNonCompliantEvaluationOfTheService(LocalAws aws, AwsClients clients)
      throws IOException {
    EventEstate estate = EventEstate.seed(clients);
    estate.offerServiceToEveryone(aws);
    Invoker invoker = new Invoker(aws);
    invoker.invoke(Functions.CONFIG_RULE, estate.event("config-rule-change-vpc-endpoint-service.json"));

    JsonNode e = Invoker.JSON.readTree(aws.configEvaluationsJson()).get(0).path("Evaluations");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).path("ComplianceResourceType").asText()).isEqualTo("AWS::EC2::VPCEndpointService");
    assertThat(e.get(0).path("ComplianceResourceId").asText()).isEqualTo(estate.id(SERVICE));
    assertThat(e.get(0).path("ComplianceType").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(invoker.counter.writes()).containsExactly("Config:PutEvaluations");
  }

  @Test
  void complianceChange_endpointServiceRemediate_acceptanceRequiredPrincipalsKept(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    estate.offerServiceToEveryone(aws);
    JsonNode result = new Invoker(aws, Map.of("MODE_BROAD_ENDPOINT_SERVICE_PERMISSIONS", "remediate"))
        .invoke(Functions.COMPLIANCE_REMEDIATION, estate.event("compliance-change-non-compliant-endpoint-service.json"));

    // The one finding the event named (the result lists findings; the service is the only resource evaluated).
    assertThat(result.path("findings")).hasSize(1);
    assertThat(result.path("summary").path("evaluated").asInt()).isEqualTo(1);
    JsonNode e = evaluation(result, "broad-endpoint-service-permissions", estate.id(SERVICE));
    assertThat(e.path("outcome").asText()).isEqualTo("APPLIED");
    assertThat(clients.ec2().describeVpcEndpointServiceConfigurations(b -> b.serviceIds(estate.id(SERVICE)))
        .serviceConfigurations().get(0).acceptanceRequired()).isTrue();
    assertThat(clients.ec2().describeVpcEndpointServicePermissions(b -> b.serviceId(estate.id(SERVICE)))
        .allowedPrincipals()).extracting(p -> p.principal()).containsExactly("*");
  }

  /** Issue 13: part 2 of a sweep, handed over through the sweep's queue: the endpoints of the VPC it names. */
  @Test
  void sweepContinuation_oneVpc_everyEndpointOfItEveryRule(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    JsonNode result = new Invoker(aws).invoke(Functions.SWEEP, estate.event("sqs-sweep-continuation.json"));

    assertThat(result.path("status").asText()).isEqualTo("done");
    assertThat(result.path("reason").asText()).startsWith("sweep 53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa part 2: 1 VPC");
    assertThat(result.path("summary").path("evaluated").asInt()).isEqualTo(13);
    assertThat(result.path("summary").path("nonCompliant").asInt()).isEqualTo(3);
  }

  private static Instant orderingTimestamp(JsonNode evaluation) {
    JsonNode t = evaluation.path("OrderingTimestamp");
    return t.isNumber() ? Instant.ofEpochMilli(Math.round(t.asDouble() * 1000)) : Instant.parse(t.asText());
  }

  private static Instant configurationItemCaptureTime(String event) throws IOException {
    JsonNode invoking = Invoker.JSON.readTree(Invoker.JSON.readTree(event).path("invokingEvent").asText());
    return Instant.parse(invoking.path("configurationItem").path("configurationItemCaptureTime").asText());
  }
}
