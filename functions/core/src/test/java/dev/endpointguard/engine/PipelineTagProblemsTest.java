package dev.endpointguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.inventory.InventoryProblem;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.OfflinePipeline;
import dev.endpointguard.testing.Requests;
import dev.endpointguard.testing.Snapshots;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: an exemption tag naming an unknown rule id, or with a malformed date, is a problem of the run (the
 * report lists it); the resource is still evaluated, and the rules the tag does name are still exempted.
 */
class PipelineTagProblemsTest {
  // Its clients are never called: evaluateAndAct gets the estate, and alert mode applies nothing.
  @AutoClose
  private final OfflinePipeline offline = new OfflinePipeline();
  private final Pipeline pipeline = offline.pipeline();

  @Test
  void typoInRuleId_isAProblemOfTheEndpoint_andTheRuleItMeantIsNotExempted() {
    EndpointSnapshot endpoint = Snapshots.endpoint("vpce-1").subnets(Snapshots.subnet("subnet-a", "use1-az1"))
        .vpc(Snapshots.vpc().subnets(Snapshots.subnet("subnet-b", "use1-az2")))
        .tags(Map.of("endpoint-guard:exempt", "single-az, broad-endpoint-policy",
            "endpoint-guard:exempt-until", "end of quarter"))
        .build();
    Estate estate = new Estate(Snapshots.ACCOUNT, "us-east-1", List.of(endpoint), List.of(endpoint.vpc()));

    Run run = pipeline.evaluateAndAct(Requests.of(Targets.allInRegion(), Settings.defaults()), estate, List.of());

    assertThat(run.problems()).extracting(InventoryProblem::resourceId).containsOnly("vpce-1");
    assertThat(run.problems()).extracting(InventoryProblem::problem).containsExactly(
        "tag endpoint-guard:exempt names 'single-az', which is not a rule id: nothing is exempted by it (valid: all, "
            + RuleId.validIds() + ")",
        "tag endpoint-guard:exempt-until 'end of quarter' is not a date yyyy-MM-dd: the exemption it bounds never"
            + " expires");
    assertThat(run.problems()).noneMatch(InventoryProblem::leftOut);
    assertThat(run.results()).filteredOn(r -> r.evaluation().rule() == RuleId.SINGLE_AZ_ENDPOINT).singleElement()
        .satisfies(r -> assertThat(r.evaluation().status()).isEqualTo(Status.NON_COMPLIANT));
    assertThat(run.results()).filteredOn(r -> r.evaluation().rule() == RuleId.BROAD_ENDPOINT_POLICY).singleElement()
        .satisfies(r -> assertThat(r.evaluation().status()).isEqualTo(Status.NOT_APPLICABLE));
  }
}
