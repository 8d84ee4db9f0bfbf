package dev.endpointguard.plan;

import dev.endpointguard.model.IngressRule;
import dev.endpointguard.plan.LiveState.LiveEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the live resource a change writes and decides, just before the write, whether it is still needed and still
 * safe; and, after the write, whether it shows.
 */
final class LiveCheck {
  /** What to do with a change now. */
  enum Action { WRITE, ALREADY_IN_EFFECT, SKIP }

  /**
   * @param write  for WRITE: the part of the change still missing (e.g. only the AZs not yet covered)
   * @param reason for SKIP: why
   */
  record Verdict(Action action, Optional<Change> write, String reason) {
    static Verdict write(Change change) {
      return new Verdict(Action.WRITE, Optional.of(change), "");
    }

    static Verdict inEffect() {
      return new Verdict(Action.ALREADY_IN_EFFECT, Optional.empty(), "");
    }

    static Verdict skip(String reason) {
      return new Verdict(Action.SKIP, Optional.empty(), reason);
    }

    static Verdict drifted(String what) {
      return skip("changed since evaluated: " + what);
    }
  }

  private final LiveState live;

  LiveCheck(LiveState live) {
    this.live = live;
  }

  Verdict before(Change change) {
    if (change instanceof AddSubnets c) {
      return endpoint(c.endpointId()).map(e -> addSubnets(c, e)).orElseGet(() -> gone(c));
    } else if (change instanceof EnablePrivateDns c) {
      return endpoint(c.endpointId())
          .map(e -> e.privateDnsEnabled() ? Verdict.inEffect() : notAvailable(e).orElseGet(() -> Verdict.write(c)))
          .orElseGet(() -> gone(c));
    } else if (change instanceof EnableVpcDnsAttribute c) {
      return live.vpcDns(c.vpcId()).map(v -> v.isOn(c.attribute()) ? Verdict.inEffect() : Verdict.write(c))
          .orElseGet(() -> gone(c));
    } else if (change instanceof NarrowPolicy c) {
      return endpoint(c.endpointId()).map(e -> narrowPolicy(c, e)).orElseGet(() -> gone(c));
    } else if (change instanceof ReplaceIngressSource c) {
      return live.ingress(c.groupId()).map(rules -> replaceSource(c, rules)).orElseGet(() -> gone(c));
    }
    return Verdict.skip("unknown change kind " + change.kind());
  }

  /** Empty when the change shows in the live resource; else what is missing. */
  Optional<String> notInEffect(Change change) {
    if (change instanceof AddSubnets c) {
      return endpointOrGone(c.endpointId(), e -> {
        List<String> missing = c.azIds().stream().filter(az -> !e.coveredAzIds().contains(az)).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of("AZ " + String.join(", ", missing) + " not covered");
      });
    } else if (change instanceof EnablePrivateDns c) {
      return endpointOrGone(c.endpointId(),
          e -> e.privateDnsEnabled() ? Optional.empty() : Optional.of("private DNS is off"));
    } else if (change instanceof EnableVpcDnsAttribute c) {
      return live.vpcDns(c.vpcId())
          .map(v -> v.isOn(c.attribute()) ? Optional.<String>empty() : Optional.of(c.attribute().awsName() + " is off"))
          .orElse(Optional.of("VPC " + c.vpcId() + " is gone"));
    } else if (change instanceof NarrowPolicy c) {
      return endpointOrGone(c.endpointId(), e -> PolicyText.same(e.policyDocument(), c.newPolicy())
          ? Optional.empty() : Optional.of("the policy is not the narrowed one"));
    } else if (change instanceof ReplaceIngressSource c) {
      return live.ingress(c.groupId()).map(rules -> sourcesNotReplaced(c, rules))
          .orElse(Optional.of("security group " + c.groupId() + " is gone"));
    }
    return Optional.of("unknown change kind " + change.kind());
  }

  private Optional<LiveEndpoint> endpoint(String endpointId) {
    return live.endpoint(endpointId);
  }

  private Optional<String> endpointOrGone(String endpointId,
                                          Function<LiveEndpoint, Optional<String>> check) {
    return live.endpoint(endpointId).map(check).orElse(Optional.of("endpoint " + endpointId + " is gone"));
  }

  private static Verdict gone(Change change) {
    return Verdict.skip(change.target() + " is gone");
  }

  // https://docs.aws.amazon.com/vpc/latest/privatelink/concepts.html#concepts-vpc-endpoints: only an available
  // endpoint can be modified.
  private static Optional<Verdict> notAvailable(LiveEndpoint e) {
    return e.state().modifiable() ? Optional.empty()
        : Optional.of(Verdict.skip(e.endpointId() + " is " + e.state() + ", not available"));
  }

  private static Verdict addSubnets(AddSubnets c, LiveEndpoint e) {
    List<String> subnets = new ArrayList<>();
    List<String> azs = new ArrayList<>();
    for (int i = 0; i < c.subnetIds().size(); i++) {
      if (!e.coveredAzIds().contains(c.azIds().get(i))) {
        subnets.add(c.subnetIds().get(i));
        azs.add(c.azIds().get(i));
      }
    }
    if (subnets.isEmpty()) {
      return Verdict.inEffect();
    }
    // Adding a subnet in an AZ the endpoint now covers would fail DuplicateSubnetsInSameZone: add the rest only.
    return notAvailable(e).orElseGet(() -> Verdict.write(c.onlyFor(subnets, azs)));
  }

  private static Verdict narrowPolicy(NarrowPolicy c, LiveEndpoint e) {
    if (PolicyText.same(e.policyDocument(), c.newPolicy())) {
      return Verdict.inEffect();
    }
    if (!PolicyText.same(e.policyDocument(), c.previousPolicy())) {
      return Verdict.drifted("the policy of " + c.endpointId() + " is no longer the one the plan narrows");
    }
    return notAvailable(e).orElseGet(() -> Verdict.write(c));
  }

  private static Verdict replaceSource(ReplaceIngressSource c, List<IngressRule> rules) {
    List<String> missing = missingSources(c, rules);
    if (!hasRule(rules, rule(c, c.oldSource()))) {
      // With the open rule gone, adding the new sources would widen what someone else already narrowed.
      return missing.isEmpty() ? Verdict.inEffect()
          : Verdict.drifted(rule(c, c.oldSource()).describe() + " is no longer in " + c.groupId());
    }
    return Verdict.write(c.withNewSources(missing));
  }

  private static Optional<String> sourcesNotReplaced(ReplaceIngressSource c, List<IngressRule> rules) {
    if (hasRule(rules, rule(c, c.oldSource()))) {
      return Optional.of(rule(c, c.oldSource()).describe() + " is still there");
    }
    List<String> missing = missingSources(c, rules);
    return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing) + " not admitted");
  }

  private static List<String> missingSources(ReplaceIngressSource c, List<IngressRule> rules) {
    return c.newSources().stream().filter(s -> !hasRule(rules, rule(c, s))).toList();
  }

  private static IngressRule rule(ReplaceIngressSource c, String source) {
    return new IngressRule(c.groupId(), c.ipProtocol(), c.fromPort(), c.toPort(), source);
  }

  private static boolean hasRule(List<IngressRule> rules, IngressRule wanted) {
    return rules.stream().anyMatch(r -> IngressMatch.same(r, wanted));
  }
}
