package dev.endpointguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.plan.ChangeKind;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionPermissionsTest {

  @Test
  void remediationWrites_allChangeKinds_unionOfTheirDeclaredPermissions() {
    Set<String> expected = new HashSet<>();
    for (ChangeKind kind : ChangeKind.values()) {
      expected.addAll(kind.iamActions());
    }

    assertThat(FunctionPermissions.remediationWrites()).containsExactlyInAnyOrderElementsOf(expected)
        .containsExactlyInAnyOrder("ec2:ModifyVpcEndpoint", "ec2:ModifyVpcAttribute",
            "route53:AssociateVPCWithHostedZone", "ec2:AuthorizeSecurityGroupIngress",
            "ec2:RevokeSecurityGroupIngress", "ec2:ModifyVpcEndpointServiceConfiguration");
  }

  @Test
  void forFunction_configRuleFunction_readsAndEvaluationsButNoWritesOrAlerts() {
    Set<String> actions = FunctionPermissions.forFunction(DeployedFunction.CONFIG_RULE);

    assertThat(actions).containsAll(FunctionPermissions.INVENTORY_READS).contains("config:PutEvaluations");
    assertThat(actions).doesNotContainAnyElementsOf(FunctionPermissions.remediationWrites())
        .doesNotContain("sns:Publish");
  }

  /** Issue 12: every function may import findings (when EnableSecurityHub is on), and none may read or update them. */
  @Test
  void forFunction_everyFunction_importsFindingsOnly() {
    for (DeployedFunction f : DeployedFunction.values()) {
      assertThat(FunctionPermissions.forFunction(f)).as(f.logicalId())
          .filteredOn(a -> a.startsWith("securityhub:")).containsExactly("securityhub:BatchImportFindings");
    }
  }

  @Test
  void forFunction_remediatingFunctions_writesAndAlertsButNoEvaluations() {
    for (DeployedFunction f : Set.of(DeployedFunction.CHANGE_EVENT, DeployedFunction.COMPLIANCE_REMEDIATION,
        DeployedFunction.SWEEP)) {
      assertThat(FunctionPermissions.forFunction(f)).as(f.logicalId())
          .containsAll(FunctionPermissions.remediationWrites())
          .contains("sns:Publish")
          .doesNotContain("config:PutEvaluations");
    }
  }

  @Test
  void forFunction_anyFunction_grantsNothingForCallsThatNeedNoPermission() {
    for (DeployedFunction f : DeployedFunction.values()) {
      assertThat(FunctionPermissions.forFunction(f)).as(f.logicalId())
          .doesNotContainAnyElementsOf(FunctionPermissions.CALLS_WITHOUT_PERMISSION);
    }
  }

  @Test
  void handlerClass_handlerString_isThePartBeforeTheMethod() {
    assertThat(DeployedFunction.SWEEP.handlerClass()).isEqualTo("dev.endpointguard.handler.SweepHandler");
    assertThat(DeployedFunction.byLogicalId("ConfigRuleFunction")).contains(DeployedFunction.CONFIG_RULE);
    assertThat(DeployedFunction.byLogicalId("NoSuchFunction")).isEmpty();
  }
}
