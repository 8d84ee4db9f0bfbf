package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what each handled EC2 call changed from its request and response parameters (both encodings): the ids to
 * re-evaluate. The other parameters are checked, not kept: a malformed one still marks a malformed event.
 */
final class Ec2ChangeReader {

  private Ec2ChangeReader() {
  }

  static Decoded read(CloudTrailCall call, JsonNode detail) {
    Ec2Encoding request = Ec2Encoding.request(detail, call.eventName());
    JsonNode response = EventFields.optionalObject(detail, "responseElements", "detail.responseElements")
        .orElse(EventJson.mapper().createObjectNode());
    switch (call.eventName()) {
      case "CreateVpcEndpoint":
        return new ChangeEvent(call, endpointCreated(request, response));
      case "ModifyVpcEndpoint":
        return new ChangeEvent(call, endpointModified(request));
      case "DeleteVpcEndpoints":
        return new ChangeEvent(call, endpointsDeleted(request));
      case "ModifyVpcAttribute":
        return vpcAttributeChanged(call, request);
      case "AuthorizeSecurityGroupIngress":
        return new ChangeEvent(call, ingressAuthorized(request, response));
      case "ModifySecurityGroupRules":
        return new ChangeEvent(call, ingressModified(request));
      case "CreateSubnet":
        return new ChangeEvent(call, subnetCreated(request, response));
      case "CreateVpcEndpointServiceConfiguration":
        return new ChangeEvent(call, endpointServiceCreated(request, response));
      case "ModifyVpcEndpointServiceConfiguration":
        return new ChangeEvent(call, endpointServiceModified(request));
      case "ModifyVpcEndpointServicePermissions":
        return new ChangeEvent(call, endpointServicePermissionsModified(request));
      default:
        throw new BadEvent("unknown event name " + OneLine.quote(call.eventName()));
    }
  }

  private static EndpointCreated endpointCreated(Ec2Encoding request, JsonNode response) {
    String path = "detail.responseElements.CreateVpcEndpointResponse.vpcEndpoint";
    JsonNode endpoint = EventFields.optionalObject(response, "CreateVpcEndpointResponse", path)
        .orElse(response)
        .path("vpcEndpoint");
    if (!endpoint.isObject()) {
      throw new BadEvent("missing " + path + " (the new endpoint's id)");
    }
    String endpointId = IdFormat.VPC_ENDPOINT.check(
        EventFields.text(endpoint, "vpcEndpointId", path + ".vpcEndpointId"), path + ".vpcEndpointId");
    String vpcId = request.text("VpcId", "vpcId")
        .or(() -> EventFields.optionalText(endpoint, "vpcId", path + ".vpcId"))
        .orElseThrow(() -> new BadEvent("missing detail.requestParameters.CreateVpcEndpointRequest.VpcId"));
    List<String> subnets = Ec2Encoding.strings(endpoint.get("subnetIdSet"), "subnetId", path + ".subnetIdSet");
    if (subnets.isEmpty()) {
      subnets = request.strings("SubnetId", "subnetId", "subnetId");
    }
    IdFormat.VPC.check(vpcId, "VpcId");
    request.text("VpcEndpointType", "vpcEndpointType")
        .or(() -> EventFields.optionalText(endpoint, "vpcEndpointType", path + ".vpcEndpointType"));
    request.text("ServiceName", "serviceName")
        .or(() -> EventFields.optionalText(endpoint, "serviceName", path + ".serviceName"));
    IdFormat.SUBNET.checkAll(subnets, "SubnetId");
    return new EndpointCreated(endpointId);
  }

  private static EndpointModified endpointModified(Ec2Encoding request) {
    String endpointId = request.text("VpcEndpointId", "vpcEndpointId")
        .orElseThrow(() -> new BadEvent("missing detail.requestParameters.ModifyVpcEndpointRequest.VpcEndpointId"));
    if (request.field("PolicyDocument", "policyDocument").filter(node -> !node.isTextual()).isPresent()) {
      throw new BadEvent("detail.requestParameters.PolicyDocument is not a string");
    }
    IdFormat.VPC_ENDPOINT.check(endpointId, "VpcEndpointId");
    IdFormat.SUBNET.checkAll(request.strings("AddSubnetId", "addSubnetId", "subnetId"), "AddSubnetId");
    IdFormat.SUBNET.checkAll(request.strings("RemoveSubnetId", "removeSubnetId", "subnetId"), "RemoveSubnetId");
    IdFormat.SECURITY_GROUP.checkAll(
        request.strings("AddSecurityGroupId", "addSecurityGroupId", "groupId"), "AddSecurityGroupId");
    IdFormat.SECURITY_GROUP.checkAll(
        request.strings("RemoveSecurityGroupId", "removeSecurityGroupId", "groupId"), "RemoveSecurityGroupId");
    request.bool("PrivateDnsEnabled", "privateDnsEnabled");
    request.bool("ResetPolicy", "resetPolicy");
    return new EndpointModified(endpointId);
  }

  private static EndpointsDeleted endpointsDeleted(Ec2Encoding request) {
    List<String> ids = IdFormat.VPC_ENDPOINT.checkAll(
        request.strings("VpcEndpointId", "vpcEndpointId", "vpcEndpointId"), "VpcEndpointId");
    if (ids.isEmpty()) {
      throw new BadEvent("missing detail.requestParameters.DeleteVpcEndpointsRequest.VpcEndpointId");
    }
    return new EndpointsDeleted();
  }

  private static Decoded vpcAttributeChanged(CloudTrailCall call, Ec2Encoding request) {
    String vpcId = IdFormat.VPC.check(request.text("VpcId", "vpcId")
        .orElseThrow(() -> new BadEvent("missing detail.requestParameters.vpcId")), "vpcId");
    Optional<Boolean> support = request.bool("EnableDnsSupport", "enableDnsSupport");
    Optional<Boolean> hostnames = request.bool("EnableDnsHostnames", "enableDnsHostnames");
    if (support.isPresent() && hostnames.isPresent()) {
      // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcAttribute.html
      throw new BadEvent("ModifyVpcAttribute names two attributes; AWS accepts one per call");
    }
    if (support.isPresent() || hostnames.isPresent()) {
      return new ChangeEvent(call, new VpcDnsChanged(vpcId));
    }
    if (request.field("EnableNetworkAddressUsageMetrics", "enableNetworkAddressUsageMetrics").isPresent()) {
      return new Ignored("ModifyVpcAttribute of enableNetworkAddressUsageMetrics on " + vpcId
          + " does not affect endpoints");
    }
    throw new BadEvent("ModifyVpcAttribute names no attribute");
  }

  private static IngressChanged ingressAuthorized(Ec2Encoding request, JsonNode response) {
    String rulesPath = "detail.responseElements.securityGroupRuleSet";
    Set<String> groups = new LinkedHashSet<>(request.strings("GroupId", "groupId", "groupId"));
    request.text("CidrIp", "cidrIp");
    request.text("CidrIpv6", "cidrIpv6");
    String permissionsPath = "detail.requestParameters.ipPermissions";
    for (JsonNode permission : Ec2Encoding.objects(
        request.field("IpPermissions", "ipPermissions").orElse(null), permissionsPath)) {
      for (JsonNode range : Ec2Encoding.objects(field(permission, "ipRanges", "IpRanges"), permissionsPath)) {
        Ec2Encoding.strings(field(range, "cidrIp", "CidrIp"), null, permissionsPath + ".ipRanges");
      }
      for (JsonNode range : Ec2Encoding.objects(field(permission, "ipv6Ranges", "Ipv6Ranges"), permissionsPath)) {
        Ec2Encoding.strings(field(range, "cidrIpv6", "CidrIpv6"), null, permissionsPath + ".ipv6Ranges");
      }
    }
    JsonNode ruleSet = EventFields.optionalObject(response, "AuthorizeSecurityGroupIngressResponse", rulesPath)
        .orElse(response).get("securityGroupRuleSet");
    for (JsonNode rule : Ec2Encoding.objects(ruleSet, rulesPath)) {
      groups.addAll(Ec2Encoding.strings(rule.get("groupId"), null, rulesPath + ".groupId"));
      Ec2Encoding.strings(rule.get("cidrIpv4"), null, rulesPath + ".cidrIpv4");
      Ec2Encoding.strings(rule.get("cidrIpv6"), null, rulesPath + ".cidrIpv6");
    }
    if (groups.isEmpty()) {
      throw new BadEvent("AuthorizeSecurityGroupIngress names no security group id in its request or response");
    }
    return new IngressChanged(IdFormat.SECURITY_GROUP.checkAll(new ArrayList<>(groups), "groupId"));
  }

  private static IngressChanged ingressModified(Ec2Encoding request) {
    List<String> groups = IdFormat.SECURITY_GROUP.checkAll(request.strings("GroupId", "groupId", "groupId"), "GroupId");
    if (groups.isEmpty()) {
      throw new BadEvent("missing detail.requestParameters.ModifySecurityGroupRulesRequest.GroupId");
    }
    String path = "detail.requestParameters.ModifySecurityGroupRulesRequest.SecurityGroupRule";
    for (JsonNode update : Ec2Encoding.objects(request.field("SecurityGroupRule", "securityGroupRule").orElse(null),
        path)) {
      JsonNode rule = field(update, "SecurityGroupRule", "securityGroupRule");
      if (rule != null && rule.isObject()) {
        Ec2Encoding.strings(field(rule, "CidrIpv4", "cidrIpv4"), null, path + ".CidrIpv4");
        Ec2Encoding.strings(field(rule, "CidrIpv6", "cidrIpv6"), null, path + ".CidrIpv6");
      }
    }
    return new IngressChanged(groups);
  }

  private static SubnetCreated subnetCreated(Ec2Encoding request, JsonNode response) {
    String vpcId = IdFormat.VPC.check(request.text("VpcId", "vpcId")
        .orElseThrow(() -> new BadEvent("missing detail.requestParameters.vpcId")), "vpcId");
    String path = "detail.responseElements.subnet";
    JsonNode subnet = EventFields.optionalObject(response, "CreateSubnetResponse", path)
        .orElse(response).path("subnet");
    if (subnet.isObject()) {
      EventFields.optionalText(subnet, "subnetId", path + ".subnetId").ifPresent(id -> IdFormat.SUBNET.check(id, path));
    }
    return new SubnetCreated(vpcId);
  }

  /**
   * The new service's id, from the response ({@code serviceConfiguration.serviceId}); the request names no service.
   * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpointServiceConfiguration.html
   */
  private static EndpointServiceChanged endpointServiceCreated(Ec2Encoding request, JsonNode response) {
    String path = "detail.responseElements.CreateVpcEndpointServiceConfigurationResponse.serviceConfiguration";
    JsonNode configuration = EventFields.optionalObject(response, "CreateVpcEndpointServiceConfigurationResponse",
        path).orElse(response).path("serviceConfiguration");
    if (!configuration.isObject()) {
      throw new BadEvent("missing " + path + " (the new service's id)");
    }
    String serviceId = IdFormat.VPC_ENDPOINT_SERVICE.check(
        EventFields.text(configuration, "serviceId", path + ".serviceId"), path + ".serviceId");
    request.bool("AcceptanceRequired", "acceptanceRequired");
    request.strings("NetworkLoadBalancerArn", "networkLoadBalancerArn", "item");
    request.strings("GatewayLoadBalancerArn", "gatewayLoadBalancerArn", "item");
    return new EndpointServiceChanged(serviceId);
  }

  /** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpointServiceConfiguration.html */
  private static EndpointServiceChanged endpointServiceModified(Ec2Encoding request) {
    String serviceId = IdFormat.VPC_ENDPOINT_SERVICE.check(request.text("ServiceId", "serviceId").orElseThrow(
        () -> new BadEvent("missing detail.requestParameters.ModifyVpcEndpointServiceConfigurationRequest.ServiceId")),
        "ServiceId");
    request.bool("AcceptanceRequired", "acceptanceRequired");
    request.text("PrivateDnsName", "privateDnsName");
    request.bool("RemovePrivateDnsName", "removePrivateDnsName");
    return new EndpointServiceChanged(serviceId);
  }

  /** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpointServicePermissions.html */
  private static EndpointServiceChanged endpointServicePermissionsModified(Ec2Encoding request) {
    String serviceId = IdFormat.VPC_ENDPOINT_SERVICE.check(request.text("ServiceId", "serviceId").orElseThrow(
        () -> new BadEvent("missing detail.requestParameters.ModifyVpcEndpointServicePermissionsRequest.ServiceId")),
        "ServiceId");
    checkPrincipals(request.strings("AddAllowedPrincipals", "addAllowedPrincipals", "item"), "AddAllowedPrincipals");
    checkPrincipals(request.strings("RemoveAllowedPrincipals", "removeAllowedPrincipals", "item"),
        "RemoveAllowedPrincipals");
    return new EndpointServiceChanged(serviceId);
  }

  private static void checkPrincipals(List<String> principals, String path) {
    if (principals.size() > IdFormat.MAX_IDS) {
      throw new BadEvent(path + " names too many principals (" + principals.size() + " > " + IdFormat.MAX_IDS + ")");
    }
  }

  private static JsonNode field(JsonNode node, String name, String otherSpelling) {
    return node.has(name) ? node.get(name) : node.get(otherSpelling);
  }
}
