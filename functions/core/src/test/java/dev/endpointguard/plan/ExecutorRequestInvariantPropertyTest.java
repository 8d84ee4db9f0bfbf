package dev.endpointguard.plan;

import static dev.endpointguard.plan.EstateFixture.ENDPOINT;
import static dev.endpointguard.plan.EstateFixture.GROUP;
import static dev.endpointguard.plan.EstateFixture.VPC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.policy.NarrowingCheck;
import dev.endpointguard.testing.Plans;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;

/**
 * The never-make-it-worse invariants at the level of what the executor sends: 10,000 generated estates, live states
 * that drifted from them, and plans (the rules' kind, plus widening, destructive and stale ones), through the real
 * {@link Executor#applyIfSafe} over a real EC2 client. Every request is recorded before it leaves and answered with
 * an AWS error (the client points at a closed port and never reaches it); an authorize answered
 * {@code InvalidPermission.Duplicate} counts as done, as AWS would mean it, so the revoke that follows is exercised.
 * No request deletes an endpoint, removes a subnet or group, turns private DNS or a VPC DNS attribute off, sends a
 * policy NarrowingCheck rejects, opens a group wider, or revokes before the narrower sources are in place.
 */
class ExecutorRequestInvariantPropertyTest {
  private static final int PLANS = 10_000;
  private static final String WIDE_POLICY = EstateFixture.DEFAULT_POLICY;
  private static final String OTHER_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::999988887777:root\"},\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final List<String> POLICIES = List.of(WIDE_POLICY, PolicySamples.NARROWED, OTHER_POLICY,
      PolicySamples.NARROWED.replace("Allow", "Deny"), "not json", "");
  private static final List<String> SOURCES = List.of("0.0.0.0/0", "::/0", "10.0.0.0/16", "10.0.1.0/24",
      "100.64.0.0/20", "2600:1f18:1234:5600::/56", "0.0.0.0/1", "sg-0a1b2c3d", "pl-12345678", "10.0.0.0/8");
  private static final List<String> ERRORS = List.of("InvalidParameterValue", "UnauthorizedOperation",
      Executor.DUPLICATE_SUBNETS_IN_SAME_ZONE, ReplaceIngressSource.DUPLICATE_PERMISSION, "RequestLimitExceeded",
      "InternalError");

  private static final Recorder RECORDER = new Recorder();
  private static Ec2Client ec2;

  @BeforeAll
  static void client() {
    // Port 9 (discard) on loopback: nothing listens, and the recorder fails every request before it is sent.
    ec2 = Ec2Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create("http://127.0.0.1:9"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)).addExecutionInterceptor(RECORDER))
        .build();
  }

  @AfterAll
  static void close() {
    ec2.close();
  }

  @Test
  void applyIfSafe_generatedPlansAndDriftedLiveStates_sendsNothingThatRemovesDisablesOrWidens() {
    Random random = new Random(20_261_126L);
    Map<String, Integer> sent = new TreeMap<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int i = 0; i < PLANS; i++) {
      EstateFixture fixture = estate(random);
      Estate estate = fixture.estate();
      FixtureLiveState live = FixtureLiveState.drifted(fixture, random);
      List<Change> plan = plan(fixture, random);
      RECORDER.start(random);
      // The fixture's live state never changes, so a write never shows: no waiting for it to.
      Executor executor = new Executor(ec2, live, new Settling(List.of(), d -> { }));

      String outcome;
      try {
        outcome = executor.applyIfSafe(plan, estate, PolicySamples.safetyCheck()).outcome().name();
      } catch (RetryableAwsException e) {
        outcome = "RETRYABLE";
      }
      outcomes.merge(outcome, 1, Integer::sum);
      List<Sent> requests = RECORDER.requests();
      assertThat(executor.writes()).as("case %d", i).isEqualTo(requests.size());
      for (int r = 0; r < requests.size(); r++) {
        String what = "case " + i + ", plan " + plan + ", request " + requests.get(r).request();
        assertSafe(requests.get(r).request(), requests.subList(0, r), live, what);
        sent.merge(requests.get(r).request().getClass().getSimpleName(), 1, Integer::sum);
      }
    }
    System.out.println("executor requests over " + PLANS + " plans: " + sent + "; outcomes: " + outcomes);
    assertThat(sent).containsOnlyKeys("ModifyVpcEndpointRequest", "ModifyVpcAttributeRequest",
        "AuthorizeSecurityGroupIngressRequest", "RevokeSecurityGroupIngressRequest");
    assertThat(sent.values()).allSatisfy(n -> assertThat(n).isGreaterThan(100));
    assertThat(outcomes).containsKeys("FAILED", "SKIPPED", "RETRYABLE");
  }

  private static void assertSafe(SdkRequest request, List<Sent> earlier, FixtureLiveState live, String what) {
    if (request instanceof ModifyVpcEndpointRequest m) {
      assertThat(m.removeSubnetIds()).as(what).isEmpty();
      assertThat(m.removeSecurityGroupIds()).as(what).isEmpty();
      assertThat(m.privateDnsEnabled()).as(what).isNotEqualTo(Boolean.FALSE);
      assertThat(m.resetPolicy()).as(what).isNotEqualTo(Boolean.TRUE);
      assertThat(m.addSubnetIds()).as(what).allSatisfy(s -> assertThat(live.subnetAz(s))
          .hasValueSatisfying(az -> assertThat(live.coveredAzIds()).doesNotContain(az)));
      if (m.policyDocument() != null) {
        assertThat(NarrowingCheck.violation(live.policy(), m.policyDocument())).as(what).isEmpty();
      }
    } else if (request instanceof ModifyVpcAttributeRequest a) {
      assertThat(a.enableDnsSupport() == null || a.enableDnsSupport().value()).as(what).isTrue();
      assertThat(a.enableDnsHostnames() == null || a.enableDnsHostnames().value()).as(what).isTrue();
      assertThat(a.enableDnsHostnames() == null || live.dnsSupport() || earlier.stream().anyMatch(e ->
          e.request() instanceof ModifyVpcAttributeRequest s && s.enableDnsSupport() != null && e.succeeded()))
          .as("hostnames before support: " + what).isTrue();
    } else if (request instanceof AuthorizeSecurityGroupIngressRequest a) {
      for (IpPermission p : a.ipPermissions()) {
        List<String> sources = sources(p);
        assertThat(sources).as(what).isNotEmpty().allSatisfy(s -> {
          Cidr cidr = Cidr.parse(s).orElseThrow();
          assertThat(cidr.wholeInternet()).as(what).isFalse();
          assertThat(cidr.prefixLength()).as(what).isGreaterThan(0);
        });
        assertThat(p.userIdGroupPairs()).as(what).isEmpty();
        assertThat(p.prefixListIds()).as(what).isEmpty();
      }
    } else if (request instanceof RevokeSecurityGroupIngressRequest r) {
      for (IpPermission p : r.ipPermissions()) {
        List<String> revoked = sources(p);
        assertThat(revoked).as(what).containsAnyOf(IngressRule.ANY_IPV4, IngressRule.ANY_IPV6).hasSize(1);
        // The narrower sources are in place first: admitted already, or authorized (or found there) just before.
        boolean narrowerInPlace = live.hasNarrowerSourceFor(p) || earlier.stream().anyMatch(e -> e.succeeded()
            && e.request() instanceof AuthorizeSecurityGroupIngressRequest a && a.groupId().equals(r.groupId())
            && a.ipPermissions().stream().anyMatch(q -> q.ipProtocol().equals(p.ipProtocol())
                && java.util.Objects.equals(q.fromPort(), p.fromPort())));
        assertThat(narrowerInPlace).as("revoke without a narrower source in place: " + what).isTrue();
      }
    } else {
      throw new AssertionError("the executor sent " + request.getClass().getSimpleName() + ": " + what);
    }
  }

  private static List<String> sources(IpPermission p) {
    List<String> sources = new ArrayList<>();
    p.ipRanges().forEach(r -> sources.add(r.cidrIp()));
    p.ipv6Ranges().forEach(r -> sources.add(r.cidrIpv6()));
    return sources;
  }

  private static EstateFixture estate(Random random) {
    EstateFixture f = new EstateFixture();
    List<String> azs = List.of("use1-az1", "use1-az2", "use1-az3", "use1-az4");
    Set<String> offered = new HashSet<>();
    azs.forEach(az -> {
      if (random.nextInt(4) > 0) {
        offered.add(az);
      }
    });
    offered.add("use1-az1");
    f.offeredAzIds = offered;
    f.subnets = new ArrayList<>();
    for (String az : azs) {
      for (int s = random.nextInt(3); s > 0; s--) {
        f.subnets.add(EstateFixture.subnet("subnet-" + az + "-" + s, az, random.nextInt(4) == 0));
      }
    }
    f.subnets.add(EstateFixture.subnet("subnet-home", "use1-az1", false));
    f.endpointSubnetIds = List.of("subnet-home");
    f.dnsSupport = random.nextBoolean();
    f.dnsHostnames = f.dnsSupport && random.nextBoolean();
    f.privateDnsEnabled = random.nextInt(3) == 0;
    f.policy = POLICIES.get(random.nextInt(3));
    List<IngressRule> ingress = new ArrayList<>();
    for (String source : List.of(IngressRule.ANY_IPV4, IngressRule.ANY_IPV6, "10.0.0.0/16")) {
      if (random.nextBoolean()) {
        ingress.add(new IngressRule(GROUP, "tcp", 443, 443, source));
      }
    }
    f.ingress = ingress;
    return f;
  }

  /** A few changes: what the rules would plan, and wrong, widening, destructive-looking or stale ones. */
  private static List<Change> plan(EstateFixture f, Random random) {
    List<Change> plan = new ArrayList<>();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      plan.add(switch (random.nextInt(6)) {
        case 0 -> {
          List<SubnetInfo> pick = new ArrayList<>();
          for (SubnetInfo s : f.subnets) {
            if (random.nextInt(3) == 0) {
              pick.add(s);
            }
          }
          if (pick.isEmpty()) {
            pick.add(f.subnets.get(random.nextInt(f.subnets.size())));
          }
          yield Plans.addSubnets(ENDPOINT, pick.stream().map(SubnetInfo::subnetId).toList(),
              pick.stream().map(s -> random.nextInt(8) == 0 ? "use1-az9" : s.azId()).toList());
        }
        case 1 -> new EnablePrivateDns(ENDPOINT, "ssm.us-east-1.amazonaws.com");
        case 2 -> new EnableVpcDnsAttribute(random.nextInt(10) == 0 ? "vpc-2" : VPC,
            random.nextBoolean() ? VpcDnsAttribute.ENABLE_DNS_SUPPORT : VpcDnsAttribute.ENABLE_DNS_HOSTNAMES);
        case 3 -> Plans.narrowPolicy(ENDPOINT, random.nextInt(4) == 0 ? pick(POLICIES, random) : f.policy,
            pick(POLICIES, random));
        default -> {
          List<IngressRule> open = f.ingress.stream().filter(IngressRule::isOpenToWorld).toList();
          if (!open.isEmpty() && random.nextBoolean()) {
            // What the security-group rule plans: the open source replaced by the VPC's blocks of its family.
            IngressRule o = open.get(random.nextInt(open.size()));
            yield Plans.replaceIngressSource(GROUP, o.ipProtocol(), o.fromPort(), o.toPort(), o.source(),
                o.isIpv6Source() ? f.ipv6Cidrs : f.ipv4Cidrs);
          }
          String old = random.nextInt(4) == 0 ? pick(SOURCES, random)
              : random.nextBoolean() ? IngressRule.ANY_IPV4 : IngressRule.ANY_IPV6;
          List<String> sources = new ArrayList<>();
          for (int s = random.nextInt(3); s >= 0; s--) {
            sources.add(pick(SOURCES, random));
          }
          yield Plans.replaceIngressSource(GROUP, random.nextInt(6) == 0 ? "-1" : "tcp", 443, 443, old,
              List.copyOf(new java.util.LinkedHashSet<>(sources)));
        }
      });
    }
    return plan;
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  /** One request as the executor sent it, and whether the recorder answered it as done. */
  record Sent(SdkRequest request, boolean succeeded) {
  }

  /**
   * Records each request before it leaves and fails it with an AWS error drawn at random; an authorize may be
   * answered InvalidPermission.Duplicate, which the executor rightly takes as done.
   */
  static final class Recorder implements ExecutionInterceptor {
    private final List<Sent> requests = new ArrayList<>();
    private Random random = new Random(0);

    void start(Random r) {
      requests.clear();
      random = r;
    }

    List<Sent> requests() {
      return List.copyOf(requests);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      String code = context.request() instanceof AuthorizeSecurityGroupIngressRequest && random.nextBoolean()
          ? ReplaceIngressSource.DUPLICATE_PERMISSION : ERRORS.get(random.nextInt(ERRORS.size()));
      boolean duplicate = code.equals(ReplaceIngressSource.DUPLICATE_PERMISSION);
      requests.add(new Sent(context.request(),
          duplicate && context.request() instanceof AuthorizeSecurityGroupIngressRequest));
      int status = code.equals("RequestLimitExceeded") ? 503 : code.equals("InternalError") ? 500 : 400;
      throw Ec2Exception.builder().statusCode(status).message(code)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
  }

  /** The live state the executor reads: the estate as evaluated, or drifted since (someone else changed it). */
  record FixtureLiveState(EstateFixture f, Set<String> coveredAzIds, boolean privateDns, boolean dnsSupport,
                          boolean dnsHostnames, String policy, List<IngressRule> ingress) implements LiveState {

    static FixtureLiveState drifted(EstateFixture f, Random random) {
      Set<String> covered = new HashSet<>(f.endpoint().coveredAzIds());
      if (random.nextInt(5) == 0) {
        covered.add(pick(new ArrayList<>(f.offeredAzIds), random));
      }
      List<IngressRule> ingress = new ArrayList<>(f.ingress);
      if (random.nextInt(5) == 0 && !ingress.isEmpty()) {
        ingress.remove(random.nextInt(ingress.size()));
      }
      if (random.nextInt(5) == 0) {
        ingress.add(new IngressRule(GROUP, "tcp", 443, 443, "10.0.1.0/24"));
      }
      boolean support = f.dnsSupport || random.nextInt(5) == 0;
      return new FixtureLiveState(f, covered, f.privateDnsEnabled || random.nextInt(5) == 0, support,
          f.dnsHostnames || (support && random.nextInt(5) == 0),
          random.nextInt(5) == 0 ? pick(POLICIES, random) : f.policy, List.copyOf(ingress));
    }

    Optional<String> subnetAz(String subnetId) {
      return f.subnets.stream().filter(s -> s.subnetId().equals(subnetId)).map(SubnetInfo::azId).findFirst();
    }

    boolean hasNarrowerSourceFor(IpPermission p) {
      return ingress.stream().anyMatch(r -> r.ipProtocol().equals(p.ipProtocol()) && !r.isOpenToWorld()
          && Cidr.parse(r.source()).isPresent());
    }

    @Override
    public Optional<LiveEndpoint> endpoint(String endpointId) {
      if (!ENDPOINT.equals(endpointId)) {
        return Optional.empty();
      }
      return Optional.of(new LiveEndpoint(ENDPOINT, VPC, EndpointState.of("available"), privateDns, f.endpointSubnetIds, coveredAzIds,
          policy));
    }

    @Override
    public Optional<LiveEndpointService> endpointService(String serviceId) {
      return Optional.empty();
    }

    @Override
    public Optional<VpcDnsState> vpcDns(String vpcId) {
      return VPC.equals(vpcId) ? Optional.of(new VpcDnsState(VPC, dnsSupport, dnsHostnames)) : Optional.empty();
    }

    @Override
    public Optional<List<IngressRule>> ingress(String groupId) {
      return GROUP.equals(groupId) ? Optional.of(ingress) : Optional.empty();
    }
  }
}
