package dev.endpointguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.Targets;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.report.VpcCoverage;
import dev.endpointguard.testing.OfflinePipeline;
import dev.endpointguard.testing.Requests;
import dev.endpointguard.testing.Snapshots;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Issue 12: a run carries the AZ coverage of the estate it evaluated, into its report and onto what it adds. */
class PipelineCoverageTest {
  // Its clients are never called: evaluateAndAct gets the estate, and alert mode applies nothing.
  @AutoClose
  private final OfflinePipeline offline = new OfflinePipeline();
  private final Pipeline pipeline = offline.pipeline();

  @Test
  void run_andItsReport_carryTheEstatesCoverage() {
    EndpointSnapshot endpoint = Snapshots.endpoint("vpce-1").subnets(Snapshots.subnet("subnet-a", "use1-az1"))
        .vpc(Snapshots.vpc().subnets(Snapshots.subnet("subnet-b", "use1-az2"))).build();
    Estate estate = new Estate(Snapshots.ACCOUNT, "us-east-1", List.of(endpoint), List.of(endpoint.vpc()));

    Run run = pipeline.evaluateAndAct(Requests.of(Targets.allInRegion(), Settings.defaults()), estate, List.of());

    assertThat(run.coverage()).isEqualTo(VpcCoverage.of(estate));
    assertThat(run.coverage().get(0).missingAzIds(run.coverage().get(0).endpoints().get(0)))
        .containsExactly("use1-az2");
    assertThat(run.report().coverage()).isEqualTo(run.coverage());
    EvaluationResult extra = run.results().get(0);
    assertThat(run.with(List.of(extra)).coverage()).isEqualTo(run.coverage());
  }

  @Test
  void runBuiltWithoutCoverage_hasNone_andItsReportNeither() {
    Run run = new Run(Requests.of(Targets.none(), Settings.defaults()),
        new AccountRegion(Snapshots.ACCOUNT, "us-east-1"), List.of(), List.of(), List.of());

    assertThat(run.coverage()).isEmpty();
    assertThat(run.report().coverage()).isEmpty();
    assertThat(new ScanReport(Snapshots.ACCOUNT, "us-east-1", List.of()).coverage()).isEmpty();
  }
}
