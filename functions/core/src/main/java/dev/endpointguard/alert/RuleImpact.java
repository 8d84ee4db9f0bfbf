package dev.endpointguard.alert;

import dev.endpointguard.rules.RuleId;

/** Why a finding matters, per rule, in words for the people who read the alert. */
final class RuleImpact {
  private RuleImpact() {
  }

  static String why(RuleId rule) {
    return switch (rule) {
      // https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html (one network interface per AZ)
      case SINGLE_AZ_ENDPOINT -> "The endpoint has network interfaces in one Availability Zone only: an outage of that"
          + " zone cuts every client in the VPC off from the service.";
      // https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
      case PRIVATE_DNS_DISABLED -> "Clients resolve the service's public name and leave the VPC through the NAT"
          + " gateway or internet gateway: the endpoint is bypassed, traffic pays NAT charges and endpoint policies"
          + " do not apply.";
      // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html
      case VPC_DNS_DISABLED -> "Private DNS needs both VPC DNS attributes: with one off, the endpoint's private DNS"
          + " names stop resolving to it and clients fall back to the public endpoint or fail.";
      // https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
      case BROAD_ENDPOINT_POLICY -> "Any principal, including credentials from other AWS accounts, can use the"
          + " endpoint: it is no data perimeter, and data can leave through it to accounts you do not own.";
      // https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html (endpoint security groups)
      case BROAD_ENDPOINT_SECURITY_GROUP -> "The security group admits 0.0.0.0/0 or ::/0: anything that can reach the"
          + " VPC (peered networks, VPN, on-premises) can reach the endpoint.";
      // https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html (Considerations)
      case BROAD_ENDPOINT_SERVICE_PERMISSIONS -> "Principals outside your trusted accounts can create endpoints to the"
          + " service and are connected without review: with * allowed, AWS says your load balancer will be public"
          + " even if it has no public IP address.";
    };
  }
}
