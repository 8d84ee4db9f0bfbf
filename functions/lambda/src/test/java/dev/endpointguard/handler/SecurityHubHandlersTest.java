package dev.endpointguard.handler;

import static dev.endpointguard.handler.EventEstate.DNS_OFF_BROAD;
import static dev.endpointguard.handler.EventEstate.HEALTHY;
import static dev.endpointguard.handler.EventEstate.ONE_AZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.SettingsException;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.testing.LocalAwsTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.ComplianceStatus;
import software.amazon.awssdk.services.securityhub.model.RecordState;

/** Issue 12: SECURITY_HUB=on adds the Security Hub sink to the handlers; the result shows its tally. */
@LocalAwsTest
class SecurityHubHandlersTest {
  private static final Map<String, String> ON = Map.of(HandlerRuntime.ENV_SECURITY_HUB, "on");

  @Test
  void sweep_securityHubOn_everyEvaluationImportedAndTallied(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));

    JsonNode result = new Invoker(aws, ON).invoke(Functions.SWEEP, estate.event("schedule-sweep.json"));

    assertThat(result.path("securityHub").path("imported").asInt()).isEqualTo(13);
    assertThat(result.path("securityHub").path("failed").asInt()).isZero();
    AwsSecurityFinding oneAz = finding(clients, "single-az-endpoint", estate.id(ONE_AZ));
    assertThat(oneAz.compliance().status()).isEqualTo(ComplianceStatus.FAILED);
    assertThat(oneAz.recordState()).isEqualTo(RecordState.ACTIVE);
    assertThat(finding(clients, "single-az-endpoint", estate.id(HEALTHY)).recordState())
        .isEqualTo(RecordState.ARCHIVED);
  }

  @Test
  void sweep_securityHubOff_noSinkNoTally(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));

    JsonNode result = new Invoker(aws).invoke(Functions.SWEEP, estate.event("schedule-sweep.json"));

    assertThat(result.has("securityHub")).isFalse();
    assertThat(findings(clients)).isEmpty();
  }

  @Test
  void sweep_hubNotEnabled_doneWithTheProblemNamed(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);

    JsonNode result = new Invoker(aws, ON).invoke(Functions.SWEEP, estate.event("schedule-sweep.json"));

    assertThat(result.path("status").asText()).isEqualTo("done");
    assertThat(result.path("securityHub").path("failed").asInt()).isEqualTo(13);
    assertThat(result.path("problems").toString())
        .contains("Security Hub is not enabled in 123456789012/us-east-1 (InvalidAccess: ");
  }

  @Test
  void configRule_deletedEndpoint_itsFindingArchived(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));
    new Invoker(aws, ON).invoke(Functions.SWEEP, estate.event("schedule-sweep.json"));
    assertThat(finding(clients, "private-dns-disabled", estate.id(DNS_OFF_BROAD)).recordState())
        .isEqualTo(RecordState.ACTIVE);

    // Config reports the endpoint with private DNS off as deleted (configurationItemStatus ResourceDeleted).
    JsonNode result = new Invoker(aws, ON).invoke(Functions.CONFIG_RULE,
        estate.event("config-rule-change-vpc-endpoint-deleted.json")
            .replace(estate.id(HEALTHY), estate.id(DNS_OFF_BROAD)));

    assertThat(result.path("securityHub").path("imported").asInt()).isEqualTo(1);
    AwsSecurityFinding gone = finding(clients, "private-dns-disabled", estate.id(DNS_OFF_BROAD));
    assertThat(gone.compliance().status()).isEqualTo(ComplianceStatus.NOT_AVAILABLE);
    assertThat(gone.recordState()).isEqualTo(RecordState.ARCHIVED);
    assertThat(findings(clients)).hasSize(13);
  }

  @Test
  void configRule_resourceStillThere_verdictLeftToTheActingFunctions(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));

    JsonNode result = new Invoker(aws, ON).invoke(Functions.CONFIG_RULE,
        estate.event("config-rule-change-vpc-endpoint.json"));

    assertThat(result.path("securityHub").path("imported").asInt()).isZero();
    assertThat(findings(clients)).isEmpty();
  }

  @Test
  void securityHubVariable_notOnOrOff_everyInvocationFailsWithTheProblem(LocalAws aws) {
    Invoker invoker = new Invoker(aws, Map.of(HandlerRuntime.ENV_SECURITY_HUB, "yes"));

    assertThatThrownBy(() -> invoker.invoke(Functions.SWEEP, EventEstate.read("schedule-sweep.json")))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
            .containsExactly("SECURITY_HUB: 'yes' is not on or off"));
  }

  private static AwsSecurityFinding finding(AwsClients clients, String rule, String resourceId) {
    String id = "endpoint-guard/123456789012/us-east-1/" + rule + "/" + resourceId;
    return findings(clients).stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  /** The local AWS ignores GetFindings filters: every finding of the account and Region. */
  private static List<AwsSecurityFinding> findings(AwsClients clients) {
    List<AwsSecurityFinding> all = new ArrayList<>();
    clients.securityHub().getFindingsPaginator(b -> b.maxResults(100)).forEach(p -> all.addAll(p.findings()));
    return all;
  }
}
