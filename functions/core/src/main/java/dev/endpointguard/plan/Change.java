package dev.endpointguard.plan;

import dev.endpointguard.model.Estate;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a plan: data that can be printed, sent in an alert, checked for safety and applied by the executor.
 * Each kind is one record that carries all of it (what it is, what it costs and takes away, when it is safe, how it is
 * checked live, written and verified, how it is undone), so a kind that misses a piece does not compile. The set is
 * closed on purpose: there is no change that deletes an endpoint, removes a subnet, turns private DNS off, widens a
 * policy or a security group, or removes a principal from or rejects a connection to an endpoint service.
 */
public sealed interface Change
    permits AddSubnets, EnableVpcDnsAttribute, EnablePrivateDns, NarrowPolicy, ReplaceIngressSource,
    RequireAcceptance {

  /** The kind: its name in reports ({@code AddSubnets}, …) and the IAM actions applying it needs. */
  ChangeKind kind();

  /** The resource the change writes: an endpoint, VPC, security group or endpoint service id. */
  String target();

  /** The change's parameters, for reports and alerts. */
  Map<String, Object> detail();

  /** One line for people: what will be done. */
  String describe();

  /**
   * One line for people: what the change takes away or costs. For a policy, which principals and resources lose
   * access; for a security group, which sources lose access and which keep it; for subnets and DNS, the cost and the
   * side effect. Never empty: a change that removes nothing says so.
   */
  String impact();

  /** One line for people: how to undo it with the AWS CLI. */
  String rollback();

  /**
   * What the change adds to the bill per month, in USD: zero unless it adds billable endpoint AZ-hours.
   * https://aws.amazon.com/privatelink/pricing/
   */
  BigDecimal monthlyCostUsd();

  /**
   * The part of the state before the change that its rollback restores, read from the estate the plan was made from:
   * the keys of the {@code previous} object of an alert (docs/handlers.md lists them per kind). Empty when the estate
   * does not hold the resource.
   */
  Map<String, Object> previousState(Estate planned);

  /**
   * The safety condition: why the change could make things worse against the estate it was planned from and the
   * plan's changes before it (deletes, widens, cuts off traffic the estate shows is needed, or is not ours to make);
   * empty when it only adds or narrows. Pure.
   */
  Optional<String> whyUnsafe(PlannedFrom from);

  /**
   * Just before writing, from a fresh read of the resource: write (the part still missing), already in effect, or
   * skip with why (gone, changed since evaluated, not modifiable now).
   */
  LiveDecision beforeWrite(LiveState live);

  /** The AWS call(s) that apply the change, each through {@code writer}. Throws what AWS throws. */
  void write(Ec2Writer writer);

  /** After writing, from a fresh read: what does not show yet, or empty when the change is in effect. */
  Optional<String> notInEffect(LiveState live);

  /**
   * The {@code previous} state of a plan: every change's {@link #previousState}, in plan order. Nested objects (such as
   * {@code securityGroupIngress} by group id) are merged; for a key two changes both report, the first value is kept.
   */
  static Map<String, Object> previousState(List<? extends Change> plan, Estate planned) {
    Map<String, Object> previous = new LinkedHashMap<>();
    plan.forEach(c -> merge(previous, c.previousState(planned)));
    return previous;
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> part) {
    part.forEach((key, value) -> {
      Object there = into.get(key);
      if (there == null) {
        into.put(key, value instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : value);
      } else if (there instanceof Map<?, ?> && value instanceof Map<?, ?> m) {
        merge((Map<String, Object>) there, (Map<String, Object>) m);
      }
    });
  }
}
