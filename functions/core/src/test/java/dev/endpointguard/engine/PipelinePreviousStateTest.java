package dev.endpointguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.Targets;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.OfflinePipeline;
import dev.endpointguard.testing.Requests;
import dev.endpointguard.testing.Snapshots;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: an evaluation's {@code previous} state comes from its plan's changes, each the part it touches as the
 * evaluated estate showed it; an evaluation without a plan has none. Alert mode: nothing is read or written.
 */
class PipelinePreviousStateTest {
  // Its clients are never called: evaluateAndAct gets the estate, and alert mode applies nothing.
  @AutoClose
  private final OfflinePipeline offline = new OfflinePipeline();
  private final Pipeline pipeline = offline.pipeline();

  private static Settings only(RuleId rule) {
    Map<RuleId, Mode> modes = new EnumMap<>(RuleId.class);
    for (RuleId r : RuleId.values()) {
      modes.put(r, r == rule ? Mode.ALERT : Mode.OFF);
    }
    return Settings.fromValues(List.of(), List.of(), null, null, modes);
  }

  private EvaluationResult evaluate(EndpointSnapshot endpoint, RuleId rule) {
    Estate estate = new Estate(Snapshots.ACCOUNT, "us-east-1", List.of(endpoint), List.of(endpoint.vpc()));
    List<EvaluationResult> results = pipeline.evaluateAndAct(Requests.of(Targets.allInRegion(), only(rule)), estate, List.of()).results();
    return results.stream().filter(r -> r.evaluation().rule() == rule).findFirst().orElseThrow();
  }

  @Test
  void singleAzEndpoint_plannedAddSubnets_previousHoldsTheEndpointsSubnetsAndAzs() {
    EndpointSnapshot endpoint = Snapshots.endpoint("vpce-1").subnets(Snapshots.subnet("subnet-a", "use1-az1"))
        .vpc(Snapshots.vpc().subnets(Snapshots.subnet("subnet-b", "use1-az2"))).build();

    EvaluationResult result = evaluate(endpoint, RuleId.SINGLE_AZ_ENDPOINT);

    assertThat(result.evaluation().status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(result.evaluation().plan()).isNotEmpty();
    assertThat(result.previous()).isEqualTo(Map.of("subnetIds", List.of("subnet-a"), "azIds", List.of("use1-az1")));
  }

  @Test
  void privateDnsDisabled_planTurnsOnHostnamesThenPrivateDns_previousHoldsBothParts() {
    EndpointSnapshot endpoint = Snapshots.endpoint("vpce-1").privateDns(false)
        .subnets(Snapshots.subnet("subnet-a", "use1-az1"), Snapshots.subnet("subnet-b", "use1-az2"))
        .vpc(Snapshots.vpc().dnsHostnames(false)).build();

    EvaluationResult result = evaluate(endpoint, RuleId.PRIVATE_DNS_DISABLED);

    assertThat(result.evaluation().plan()).hasSize(2);
    assertThat(result.previous()).isEqualTo(Map.of("enableDnsHostnames", false, "privateDnsEnabled", false));
  }

  @Test
  void compliantEvaluation_noPlan_noPrevious() {
    EndpointSnapshot endpoint = Snapshots.endpoint("vpce-1")
        .subnets(Snapshots.subnet("subnet-a", "use1-az1"), Snapshots.subnet("subnet-b", "use1-az2")).build();

    EvaluationResult result = evaluate(endpoint, RuleId.SINGLE_AZ_ENDPOINT);

    assertThat(result.evaluation().status()).isEqualTo(Status.COMPLIANT);
    assertThat(result.previous()).isEmpty();
  }
}
