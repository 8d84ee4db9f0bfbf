package dev.endpointguard.plan;

import static dev.endpointguard.plan.EstateFixture.ENDPOINT;
import static dev.endpointguard.plan.EstateFixture.GROUP;
import static dev.endpointguard.plan.EstateFixture.VPC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.Estate;
import dev.endpointguard.testing.Plans;
import dev.endpointguard.testing.Snapshots;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: one place per change kind. Every kind names its {@link ChangeKind} (its report name and IAM actions, the
 * only place those are declared), its cost and the part of the {@code previous} state it touches.
 */
class ChangeKindTest {
  private static final AddSubnets ADD = Plans.addSubnets(ENDPOINT, List.of("subnet-b"), List.of("use1-az2"));
  private static final EnableVpcDnsAttribute SUPPORT = new EnableVpcDnsAttribute(VPC,
      VpcDnsAttribute.ENABLE_DNS_SUPPORT);
  private static final EnableVpcDnsAttribute HOSTNAMES = new EnableVpcDnsAttribute(VPC,
      VpcDnsAttribute.ENABLE_DNS_HOSTNAMES);
  private static final EnablePrivateDns PRIVATE_DNS = new EnablePrivateDns(ENDPOINT, "ssm.us-east-1.amazonaws.com");
  private static final NarrowPolicy NARROW = Plans.narrowPolicy(ENDPOINT, EstateFixture.DEFAULT_POLICY,
      PolicySamples.NARROWED);
  private static final ReplaceIngressSource REPLACE_V4 = Plans.replaceIngressSource(GROUP, "tcp", 443, 443,
      "0.0.0.0/0", List.of("10.0.0.0/16"));
  private static final ReplaceIngressSource REPLACE_V6 = Plans.replaceIngressSource(GROUP, "tcp", 443, 443,
      "::/0", List.of("2600:1f18:1234:5600::/56"));

  private static final RequireAcceptance ACCEPTANCE = new RequireAcceptance(EstateFixture.ENDPOINT_SERVICE, "us-east-1",
      List.of("*"));

  /** One change of every kind. */
  private static final List<Change> ONE_OF_EACH = List.of(ADD, SUPPORT, PRIVATE_DNS, NARROW, REPLACE_V4,
      ACCEPTANCE);

  @Test
  void kinds_oneDistinctKindPerRecord_namedAsTheRecord() {
    Set<Class<?>> records = ONE_OF_EACH.stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(records).containsExactlyInAnyOrder(Change.class.getPermittedSubclasses());
    assertThat(ONE_OF_EACH).extracting(Change::kind).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(ChangeKind.values());
    assertThat(ONE_OF_EACH).allSatisfy(c ->
        assertThat(c.kind().reportName()).isEqualTo(c.getClass().getSimpleName()).isEqualTo(c.kind().toString()));
  }

  @Test
  void allIamActions_unionOfEveryKindsActions() {
    assertThat(ChangeKind.allIamActions()).containsExactly("ec2:AuthorizeSecurityGroupIngress",
        "ec2:ModifyVpcAttribute", "ec2:ModifyVpcEndpoint", "ec2:ModifyVpcEndpointServiceConfiguration",
        "ec2:RevokeSecurityGroupIngress", "route53:AssociateVPCWithHostedZone");
  }

  @Test
  void rulesDoc_writesTable_listsEachKindsIamActions() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("docs/rules.md"));
    for (ChangeKind kind : ChangeKind.values()) {
      String row = lines.stream().filter(l -> l.startsWith("| `" + kind.reportName() + "` | `")).findFirst()
          .orElseThrow(() -> new AssertionError("docs/rules.md has no Writes row for " + kind));
      Set<String> documented = Arrays.stream(row.split("\\|")[2].split(",")).map(a -> a.strip().replace("`", ""))
          .collect(Collectors.toSet());
      assertThat(documented).as(kind.reportName()).containsExactlyInAnyOrderElementsOf(kind.iamActions());
    }
  }

  @Test
  void monthlyCostUsd_onlyAddedAzsCost() {
    assertThat(ADD.monthlyCostUsd()).isEqualByComparingTo("7.30");
    assertThat(List.of(SUPPORT, PRIVATE_DNS, NARROW, REPLACE_V4, ACCEPTANCE)).allSatisfy(c ->
        assertThat(c.monthlyCostUsd()).as(c.kind().reportName()).isEqualByComparingTo(BigDecimal.ZERO));
  }

  @Test
  void previousState_eachKind_thePartItTouchesAsTheEstateShowedIt() {
    EstateFixture fixture = new EstateFixture();
    fixture.dnsSupport = false;
    fixture.dnsHostnames = false;
    Estate estate = fixture.estate();

    assertThat(ADD.previousState(estate))
        .isEqualTo(Map.of("subnetIds", List.of("subnet-a"), "azIds", List.of("use1-az1")));
    assertThat(SUPPORT.previousState(estate)).isEqualTo(Map.of("enableDnsSupport", false));
    assertThat(HOSTNAMES.previousState(estate)).isEqualTo(Map.of("enableDnsHostnames", false));
    assertThat(PRIVATE_DNS.previousState(estate)).isEqualTo(Map.of("privateDnsEnabled", false));
    assertThat(NARROW.previousState(estate)).isEqualTo(Map.of("policyDocument", EstateFixture.DEFAULT_POLICY));
    assertThat(REPLACE_V4.previousState(estate)).isEqualTo(Map.of("securityGroupIngress",
        Map.of(GROUP, List.of("tcp 443 from 0.0.0.0/0", "tcp 443 from ::/0"))));
    assertThat(ACCEPTANCE.previousState(estate.withEndpointServices(List.of(Snapshots.endpointService(
        EstateFixture.ENDPOINT_SERVICE).principals("*", "arn:aws:iam::123456789012:root").build()))))
        .isEqualTo(Map.of("acceptanceRequired", false,
            "allowedPrincipals", List.of("*", "arn:aws:iam::123456789012:root")));
  }

  @Test
  void previousState_planOfSeveralChanges_theirPartsTogether() {
    EstateFixture fixture = new EstateFixture();
    fixture.dnsHostnames = false;
    Estate estate = fixture.estate();

    assertThat(Change.previousState(List.of(HOSTNAMES, PRIVATE_DNS), estate))
        .isEqualTo(Map.of("enableDnsHostnames", false, "privateDnsEnabled", false));
    assertThat(Change.previousState(List.of(REPLACE_V4, REPLACE_V6), estate)).isEqualTo(Map.of("securityGroupIngress",
        Map.of(GROUP, List.of("tcp 443 from 0.0.0.0/0", "tcp 443 from ::/0"))));
    assertThat(Change.previousState(List.of(), estate)).isEmpty();
  }

  @Test
  void previousState_resourceNotInTheEstate_nothing() {
    Estate estate = new EstateFixture().estate();

    assertThat(Plans.addSubnets("vpce-other", List.of("subnet-b"), List.of("use1-az2")).previousState(estate))
        .isEmpty();
    assertThat(new EnableVpcDnsAttribute("vpc-other", VpcDnsAttribute.ENABLE_DNS_SUPPORT).previousState(estate))
        .isEmpty();
    assertThat(Plans.replaceIngressSource("sg-other", "tcp", 443, 443, "0.0.0.0/0", List.of("10.0.0.0/16"))
        .previousState(estate)).isEmpty();
    assertThat(ACCEPTANCE.previousState(estate)).isEmpty();
  }
}
