package dev.endpointguard.plan;

import java.util.List;
import java.util.Map;

/**
 * One step of a plan: data that can be printed, sent in an alert, checked for safety and applied by the executor.
 * The set is closed on purpose: there is no change that deletes an endpoint, removes a subnet, turns private DNS
 * off or widens a policy or a security group.
 */
public sealed interface Change
    permits AddSubnets, EnableVpcDnsAttribute, EnablePrivateDns, NarrowPolicy, ReplaceIngressSource {

  /** The change's name in reports: {@code AddSubnets}, {@code EnablePrivateDns}, ... */
  default String kind() {
    return getClass().getSimpleName();
  }

  /** The resource the change writes: an endpoint, VPC or security group id. */
  String target();

  /** The change's parameters, for reports and alerts. */
  Map<String, Object> detail();

  /** The IAM actions the executor needs to apply it. */
  List<String> permissions();

  /** One line for people: what will be done. */
  String describe();

  /** One line for people: how to undo it with the AWS CLI. */
  String rollback();

  /**
   * One line for people: what the change takes away or costs. For a policy, which principals and resources lose
   * access; for a security group, which sources lose access and which keep it; for subnets and DNS, the cost and the
   * side effect. Never empty: a change that removes nothing says so.
   */
  String impact();
}
