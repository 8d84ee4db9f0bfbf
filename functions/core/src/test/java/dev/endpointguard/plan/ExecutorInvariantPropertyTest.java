package dev.endpointguard.plan;

import static dev.endpointguard.plan.EstateFixture.ENDPOINT;
import static dev.endpointguard.plan.EstateFixture.GROUP;
import static dev.endpointguard.plan.EstateFixture.VPC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.testing.Plans;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Over generated estates and plans: the safety check accepts the plans the rules make, rejects every widening or
 * destructive variant, and what it accepts only adds or narrows.
 */
class ExecutorInvariantPropertyTest {
  private static final int ESTATES = 10_000;
  private static final SafetyCheck CHECK = PolicySamples.safetyCheck();

  @Test
  void change_permitsExactlyTheSixNonDestructiveKinds() {
    Set<Class<?>> permitted = Set.of(Change.class.getPermittedSubclasses());

    assertThat(permitted).containsExactlyInAnyOrder(AddSubnets.class, EnablePrivateDns.class,
        EnableVpcDnsAttribute.class, NarrowPolicy.class, ReplaceIngressSource.class, RequireAcceptance.class);
    // Records are final: no subclass can smuggle in another behaviour under an accepted kind.
    assertThat(permitted).allSatisfy(kind -> assertThat(kind.isRecord()).as(kind.getSimpleName()).isTrue());
    assertThat(VpcDnsAttribute.values()).extracting(VpcDnsAttribute::awsName)
        .containsExactly("enableDnsSupport", "enableDnsHostnames");
  }

  @Test
  void violation_generatedEstates_acceptsRulePlansAndRejectsEveryWideningVariant() {
    Random random = new Random(20261126L);
    Map<String, Integer> rejected = new TreeMap<>();
    int accepted = 0;
    for (int i = 0; i < ESTATES; i++) {
      EstateFixture fixture = randomEstate(random);
      Estate estate = fixture.estate();
      List<Change> plan = rulePlan(fixture, random);

      assertThat(CHECK.violation(plan, estate)).as("estate %d, plan %s", i, plan).isEmpty();
      assertOnlyAddsOrNarrows(plan, fixture);
      accepted += plan.isEmpty() ? 0 : 1;
      EstateFixture managed = copyOf(fixture);
      managed.managesVpcEndpoints = true;

      for (Map.Entry<String, Change> variant : wideningVariants(fixture, random).entrySet()) {
        List<Change> unsafe = new ArrayList<>(plan);
        // An ordering variant goes first, before the plan's own attribute changes; any other anywhere.
        boolean ordering = variant.getValue() instanceof EnableVpcDnsAttribute
            || variant.getValue() instanceof EnablePrivateDns;
        unsafe.add(ordering ? 0 : random.nextInt(unsafe.size() + 1), variant.getValue());
        // The rule plan alone passes, so the first violation must be the variant's own.
        assertThat(CHECK.violation(unsafe, estate)).as("estate %d, %s: %s", i, variant.getKey(), unsafe)
            .hasValueSatisfying(v -> assertThat(v).startsWith(variant.getValue().kind().reportName() + " on "));
        rejected.merge(variant.getKey(), 1, Integer::sum);
      }

      if (plan.stream().anyMatch(c -> !(c instanceof EnableVpcDnsAttribute))) {
        assertThat(CHECK.violation(plan, managed.estate())).as("managed endpoint, estate %d", i).isPresent();
        rejected.merge("service-managed endpoint", 1, Integer::sum);
      }
    }
    assertThat(accepted).isGreaterThan(ESTATES / 2);
    assertThat(rejected.keySet()).containsExactlyInAnyOrder("public subnet", "covered AZ", "AZ not offered",
        "subnet of another VPC", "two subnets in one AZ", "AZ id not the subnet's", "hostnames before support",
        "private DNS without attributes", "new source /0", "new source of the other family",
        "new source not a CIDR", "old source not world-open", "old rule not in the group",
        "policy condition removed", "policy changed since evaluated", "service-managed endpoint");
    assertThat(rejected.values()).allSatisfy(n -> assertThat(n).isGreaterThan(100));
  }

  private static EstateFixture randomEstate(Random random) {
    EstateFixture f = new EstateFixture();
    int azCount = 2 + random.nextInt(5);
    List<String> azs = new ArrayList<>();
    for (int a = 1; a <= azCount; a++) {
      azs.add("use1-az" + a);
    }
    Set<String> offered = azs.stream().filter(a -> random.nextInt(4) > 0).collect(Collectors.toSet());
    offered.add(azs.get(0));
    f.offeredAzIds = offered;
    f.subnets = new ArrayList<>();
    for (String az : azs) {
      for (int s = random.nextInt(3); s > 0; s--) {
        f.subnets.add(EstateFixture.subnet("subnet-" + az + "-" + s, az, random.nextInt(3) == 0));
      }
    }
    f.subnets.add(EstateFixture.subnet("subnet-home", azs.get(0), false));
    List<String> own = new ArrayList<>(List.of("subnet-home"));
    for (String az : azs.subList(1, azs.size())) {
      f.subnets.stream().filter(s -> s.azId().equals(az)).findFirst()
          .filter(s -> random.nextInt(3) == 0).ifPresent(s -> own.add(s.subnetId()));
    }
    f.endpointSubnetIds = own;
    f.dnsSupport = random.nextBoolean();
    f.dnsHostnames = f.dnsSupport && random.nextBoolean();
    f.privateDnsEnabled = random.nextInt(4) == 0;
    f.ipv6Cidrs = random.nextBoolean() ? List.of("2600:1f18:1234:5600::/56") : List.of();
    f.ipv4Cidrs = random.nextBoolean() ? List.of("10.0.0.0/16") : List.of("10.0.0.0/16", "100.64.0.0/20");
    List<IngressRule> ingress = new ArrayList<>();
    if (random.nextBoolean()) {
      ingress.add(new IngressRule(GROUP, "tcp", 443, 443, IngressRule.ANY_IPV4));
    }
    if (random.nextBoolean()) {
      ingress.add(new IngressRule(GROUP, "tcp", 443, 443, IngressRule.ANY_IPV6));
    }
    if (random.nextBoolean()) {
      ingress.add(new IngressRule(GROUP, "-1", -1, -1, IngressRule.ANY_IPV4));
    }
    ingress.add(new IngressRule(GROUP, "tcp", 443, 443, "10.0.0.0/16"));
    f.ingress = ingress;
    return f;
  }

  private static EstateFixture copyOf(EstateFixture f) {
    EstateFixture c = new EstateFixture();
    c.offeredAzIds = f.offeredAzIds;
    c.subnets = new ArrayList<>(f.subnets);
    c.endpointSubnetIds = f.endpointSubnetIds;
    c.dnsSupport = f.dnsSupport;
    c.dnsHostnames = f.dnsHostnames;
    c.privateDnsEnabled = f.privateDnsEnabled;
    c.ipv4Cidrs = f.ipv4Cidrs;
    c.ipv6Cidrs = f.ipv6Cidrs;
    c.ingress = f.ingress;
    c.policy = f.policy;
    return c;
  }

  /** A plan of the kind the rules make for this estate (any of them may be empty when nothing applies). */
  private static List<Change> rulePlan(EstateFixture f, Random random) {
    EndpointSnapshot e = f.endpoint();
    List<Change> plan = new ArrayList<>();
    switch (random.nextInt(4)) {
      case 0 -> {
        List<String> subnets = new ArrayList<>();
        List<String> azs = new ArrayList<>();
        for (String az : new java.util.TreeSet<>(f.offeredAzIds)) {
          if (!e.coveredAzIds().contains(az)) {
            f.subnets.stream().filter(s -> s.azId().equals(az) && !s.isPublic()).findFirst().ifPresent(s -> {
              subnets.add(s.subnetId());
              azs.add(az);
            });
          }
        }
        if (!subnets.isEmpty()) {
          plan.add(Plans.addSubnets(ENDPOINT, subnets, azs));
        }
      }
      case 1 -> {
        if (!f.dnsSupport) {
          plan.add(new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_SUPPORT));
        }
        if (!f.dnsHostnames) {
          plan.add(new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES));
        }
        if (!f.privateDnsEnabled) {
          plan.add(new EnablePrivateDns(ENDPOINT, "ssm.us-east-1.amazonaws.com"));
        }
      }
      case 2 -> plan.add(Plans.narrowPolicy(ENDPOINT, f.policy, PolicySamples.NARROWED));
      default -> {
        for (IngressRule open : e.securityGroups().get(0).openIngress()) {
          plan.add(Plans.replaceIngressSource(GROUP, open.ipProtocol(), open.fromPort(), open.toPort(), open.source(),
              open.isIpv6Source() ? f.ipv6Cidrs : f.ipv4Cidrs));
        }
      }
    }
    return plan;
  }

  /** Changes that would widen, remove or disable something in this estate, by name; only those that apply. */
  private static Map<String, Change> wideningVariants(EstateFixture f, Random random) {
    EndpointSnapshot e = f.endpoint();
    Map<String, Change> variants = new TreeMap<>();
    Set<String> covered = e.coveredAzIds();
    Optional<String> twinAz = Optional.empty();
    for (SubnetInfo s : f.subnets) {
      boolean newOfferedAz = f.offeredAzIds.contains(s.azId()) && !covered.contains(s.azId());
      if (s.isPublic() && newOfferedAz) {
        variants.put("public subnet", add(s.subnetId(), s.azId()));
      }
      if (covered.contains(s.azId())) {
        variants.put("covered AZ", add(s.subnetId(), s.azId()));
      }
      if (!f.offeredAzIds.contains(s.azId()) && !s.isPublic()) {
        variants.put("AZ not offered", add(s.subnetId(), s.azId()));
      }
      if (newOfferedAz && !s.isPublic()) {
        variants.put("AZ id not the subnet's", add(s.subnetId(), "use1-az9"));
        variants.put("two subnets in one AZ", Plans.addSubnets(ENDPOINT, List.of(s.subnetId(), "subnet-twin"),
            List.of(s.azId(), s.azId())));
        twinAz = Optional.of(s.azId());
      }
    }
    twinAz.ifPresent(az -> f.subnets.add(EstateFixture.subnet("subnet-twin", az, false)));
    variants.put("subnet of another VPC", add("subnet-x", "use1-az2"));
    if (!f.dnsSupport) {
      variants.put("hostnames before support", new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES));
    }
    if (!f.dnsSupport || !f.dnsHostnames) {
      variants.put("private DNS without attributes", new EnablePrivateDns(ENDPOINT, "ssm.us-east-1.amazonaws.com"));
    }
    List<IngressRule> open = e.securityGroups().get(0).openIngress();
    if (!open.isEmpty()) {
      IngressRule o = open.get(random.nextInt(open.size()));
      String sameFamily = o.isIpv6Source() ? "2600:1f18:1234:5600::/56" : "10.0.0.0/16";
      String otherFamily = o.isIpv6Source() ? "10.0.0.0/16" : "2600:1f18:1234:5600::/56";
      String wide = o.isIpv6Source() ? "::0/0" : "0.0.0.0/0";
      variants.put("new source /0", replace(o, o.source(), List.of(sameFamily, wide)));
      variants.put("new source of the other family", replace(o, o.source(), List.of(otherFamily)));
      variants.put("new source not a CIDR", replace(o, o.source(), List.of(random.nextBoolean() ? "sg-0a1" : "pl-1")));
    }
    variants.put("old source not world-open", Plans.replaceIngressSource(GROUP, "tcp", 443, 443, "10.0.0.0/16",
        List.of("10.0.1.0/24")));
    variants.put("old rule not in the group", Plans.replaceIngressSource(GROUP, "udp", 53, 53, "0.0.0.0/0",
        List.of("10.0.0.0/16")));
    if (f.policy.equals(EstateFixture.DEFAULT_POLICY) && random.nextBoolean()) {
      variants.put("policy changed since evaluated",
          Plans.narrowPolicy(ENDPOINT, PolicySamples.NARROWED.replace("Allow", "Deny"), PolicySamples.NARROWED));
    } else {
      f.policy = PolicySamples.NARROWED;
      variants.put("policy condition removed", Plans.narrowPolicy(ENDPOINT, PolicySamples.NARROWED,
          EstateFixture.DEFAULT_POLICY));
    }
    return variants;
  }

  private static AddSubnets add(String subnet, String az) {
    return Plans.addSubnets(ENDPOINT, List.of(subnet), List.of(az));
  }

  private static ReplaceIngressSource replace(IngressRule old, String source, List<String> sources) {
    return Plans.replaceIngressSource(GROUP, old.ipProtocol(), old.fromPort(), old.toPort(), source, sources);
  }

  /** Models the plan's effect on the estate and checks that nothing was removed, turned off or widened. */
  private static void assertOnlyAddsOrNarrows(List<Change> plan, EstateFixture f) {
    Set<String> covered = new HashSet<>(f.endpoint().coveredAzIds());
    boolean support = f.dnsSupport;
    boolean hostnames = f.dnsHostnames;
    List<String> sources = new ArrayList<>(f.ingress.stream().map(IngressRule::source).toList());
    for (Change change : plan) {
      if (change instanceof AddSubnets c) {
        int before = covered.size();
        covered.addAll(c.azIds());
        assertThat(covered).hasSize(before + c.subnetIds().size());
        assertThat(c.subnetIds()).allSatisfy(id -> assertThat(f.subnets).anySatisfy(s -> {
          assertThat(s.subnetId()).isEqualTo(id);
          assertThat(s.isPublic()).isFalse();
          assertThat(s.vpcId()).isEqualTo(VPC);
        }));
      } else if (change instanceof EnableVpcDnsAttribute c) {
        support |= c.attribute() == VpcDnsAttribute.ENABLE_DNS_SUPPORT;
        hostnames |= c.attribute() == VpcDnsAttribute.ENABLE_DNS_HOSTNAMES;
        assertThat(!hostnames || support).as("hostnames on without support").isTrue();
      } else if (change instanceof EnablePrivateDns) {
        assertThat(support && hostnames).as("private DNS without both attributes").isTrue();
      } else if (change instanceof NarrowPolicy c) {
        assertThat(c.newPolicy()).contains("\"Condition\"");
      } else if (change instanceof ReplaceIngressSource c) {
        Cidr old = Cidr.parse(c.oldSource()).orElseThrow();
        assertThat(sources.remove(c.oldSource())).isTrue();
        for (String s : c.newSources()) {
          Cidr block = Cidr.parse(s).orElseThrow();
          assertThat(block.ipv6()).isEqualTo(old.ipv6());
          assertThat(block.prefixLength()).isGreaterThan(old.prefixLength());
          sources.add(s);
        }
      }
    }
    assertThat(covered).containsAll(f.endpoint().coveredAzIds());
    assertThat(sources.stream().map(Cidr::parse).flatMap(Optional::stream).filter(Cidr::wholeInternet).count())
        .isLessThanOrEqualTo(f.ingress.stream().filter(IngressRule::isOpenToWorld).count());
    assertThat(Arrays.asList(support, hostnames)).containsExactly(support || f.dnsSupport,
        hostnames || f.dnsHostnames);
  }
}
