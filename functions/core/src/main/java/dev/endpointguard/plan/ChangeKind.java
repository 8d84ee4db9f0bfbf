package dev.endpointguard.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The change kinds: each kind's name as reports print it and the IAM actions the executor needs to apply it. The only
 * place permissions are declared: the deployed roles (template.yaml) and docs/rules.md are checked against it.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html
 */
public enum ChangeKind {
  /** ModifyVpcEndpoint with AddSubnetIds. */
  ADD_SUBNETS("AddSubnets", "ec2:ModifyVpcEndpoint"),
  /** ModifyVpcAttribute, one attribute per call. */
  ENABLE_VPC_DNS_ATTRIBUTE("EnableVpcDnsAttribute", "ec2:ModifyVpcAttribute"),
  /**
   * ModifyVpcEndpoint with PrivateDnsEnabled; AWS associates the service's private hosted zone with the VPC on the
   * caller's behalf. https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
   */
  ENABLE_PRIVATE_DNS("EnablePrivateDns", "ec2:ModifyVpcEndpoint", "route53:AssociateVPCWithHostedZone"),
  /** ModifyVpcEndpoint with PolicyDocument. */
  NARROW_POLICY("NarrowPolicy", "ec2:ModifyVpcEndpoint"),
  /** AuthorizeSecurityGroupIngress for the new sources, then RevokeSecurityGroupIngress for the old one. */
  REPLACE_INGRESS_SOURCE("ReplaceIngressSource", "ec2:AuthorizeSecurityGroupIngress",
      "ec2:RevokeSecurityGroupIngress"),
  /** ModifyVpcEndpointServiceConfiguration with AcceptanceRequired=true. */
  REQUIRE_ACCEPTANCE("RequireAcceptance", "ec2:ModifyVpcEndpointServiceConfiguration");

  private final String reportName;
  private final List<String> iamActions;

  ChangeKind(String reportName, String... iamActions) {
    this.reportName = reportName;
    this.iamActions = List.of(iamActions);
  }

  /** The name reports, alerts and plan files print ({@code "change":"AddSubnets"}). */
  public String reportName() {
    return reportName;
  }

  /**
   * The IAM actions (service:Action) applying a change of this kind needs: its AWS calls, and what AWS does on the
   * caller's behalf.
   */
  public List<String> iamActions() {
    return iamActions;
  }

  /**
   * The change of this kind that a plan file describes, rebuilt from what {@code scan --plan-out} wrote: its
   * {@code target}, its {@code detail} ({@link Change#detail()} as JSON) and its {@code impact} line (only
   * {@code NarrowPolicy} carries its impact as data; the other kinds compute theirs). Never re-plans: the change is
   * exactly the one described. One factory per kind, next to its record; the switch is exhaustive, so a kind without
   * one does not compile.
   *
   * @throws IllegalArgumentException when the detail is not a valid change of this kind (a field missing or of the
   *                                  wrong type, or values the record refuses)
   */
  public Change rebuild(String target, JsonNode detail, String impact) {
    DetailReader d = new DetailReader(this, detail);
    return switch (this) {
      case ADD_SUBNETS -> AddSubnets.fromDetail(target, d);
      case ENABLE_VPC_DNS_ATTRIBUTE -> EnableVpcDnsAttribute.fromDetail(target, d);
      case ENABLE_PRIVATE_DNS -> EnablePrivateDns.fromDetail(target, d);
      case NARROW_POLICY -> NarrowPolicy.fromDetail(target, d, impact);
      case REPLACE_INGRESS_SOURCE -> ReplaceIngressSource.fromDetail(target, d);
      case REQUIRE_ACCEPTANCE -> RequireAcceptance.fromDetail(target, d);
    };
  }

  /** The kind whose {@link #reportName()} is {@code name}, if there is one. */
  public static Optional<ChangeKind> byReportName(String name) {
    for (ChangeKind kind : values()) {
      if (kind.reportName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The IAM actions applying any plan may call: the union over every kind, sorted. */
  public static Set<String> allIamActions() {
    Set<String> all = new TreeSet<>();
    for (ChangeKind kind : values()) {
      all.addAll(kind.iamActions);
    }
    return Collections.unmodifiableSet(all);
  }

  /** The {@link #reportName()}, so a kind reads in messages as reports print it. */
  @Override
  public String toString() {
    return reportName;
  }
}
