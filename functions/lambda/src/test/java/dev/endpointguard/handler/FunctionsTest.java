package dev.endpointguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.endpointguard.deploy.DeployedFunction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FunctionsTest {

  @Test
  void byLogicalId_eachTemplateFunction_mapsToTheHandlerClassTheTemplateNames() {
    for (DeployedFunction deployed : DeployedFunction.values()) {
      Functions f = Functions.byLogicalId(deployed.logicalId());
      assertThat(deployed.handler()).isEqualTo(f.handlerClass().getName() + "::handleRequest");
    }
    assertThat(Functions.values()).hasSameSizeAs(DeployedFunction.values());
  }

  @Test
  void byLogicalId_differentCase_found() {
    assertThat(Functions.byLogicalId("sweepfunction")).isEqualTo(Functions.SWEEP);
  }

  @Test
  void byLogicalId_unknown_errorListsTheValidIds() {
    assertThatThrownBy(() -> Functions.byLogicalId("ScanFunction"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown function 'ScanFunction'")
        .hasMessageContaining("ChangeEventFunction, ConfigRuleFunction, ComplianceRemediationFunction, SweepFunction");
  }

  @Test
  void handlerClasses_haveThePublicNoArgumentConstructorLambdaCalls() {
    Arrays.stream(Functions.values()).forEach(f -> assertThat(f.handlerClass().getConstructors())
        .anyMatch(c -> c.getParameterCount() == 0));
  }
}
