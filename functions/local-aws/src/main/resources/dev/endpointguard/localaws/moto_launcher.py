"""endpoint-guard's local AWS: moto in server mode, patched to follow documented AWS behaviour.

Usage: python moto_launcher.py --host 127.0.0.1 --port 5000
Prints "READY <port>" on stdout once it serves. Needs moto[server] 5.2.x (moto, flask, werkzeug).

Each patch below is a small named function that wraps one moto function and cites the AWS page it models.
Two hooks for tests live apart from the patches, under /endpoint-guard/ (see docs/local-aws.md):
  POST /endpoint-guard/services            seed an endpoint service (JSON, see seed_endpoint_service)
  GET  /endpoint-guard/config-evaluations  every accepted AWS Config PutEvaluations request body (JSON list)
Both stores are cleared by POST /moto-api/reset, like moto's own state.
"""

import argparse
import datetime
import functools
import json
import os
import re
import sys
import threading
import urllib.parse
import uuid

from moto.config.models import ConfigBackend
from moto.config.responses import ConfigResponse
from moto.core.base_backend import BaseBackend
from moto.core.responses import ActionResult
from moto.ec2.exceptions import (
    EC2ClientError,
    InvalidNextToken,
    InvalidParameterCombination,
    InvalidSecurityGroupNotFoundError,
)
from moto.ec2.models import ec2_backends
from moto.ec2.models.availability_zones_and_regions import RegionsAndZonesBackend
from moto.ec2.models.vpcs import VPCBackend, VPCEndPoint
from moto.ec2.responses.availability_zones_and_regions import AvailabilityZonesAndRegions
from moto.ec2.responses.vpcs import VPCs
from moto.moto_api._internal.models import MotoAPIBackend
from moto.securityhub.exceptions import InvalidInputException as SecurityHubInvalidInput
from moto.securityhub.models import SecurityHubBackend
from moto.server import DomainDispatcherApplication, create_backend_app
from moto.sts.exceptions import STSClientError
from moto.sts.responses import TokenResponse
from moto.utilities.utils import get_partition
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

_LOCK = threading.RLock()
_SEEDED_SERVICES = {}  # (account_id, region) -> {service_name: ServiceDetail dict}
_CONFIG_EVALUATIONS = []  # accepted PutEvaluations request bodies, in arrival order


def _patch(owner, name):
    """Replaces owner.name with the decorated wrapper, which receives the original as its first argument."""

    def decorate(wrapper):
        original = owner.__dict__[name]
        is_static = isinstance(original, staticmethod)
        target = original.__func__ if is_static else original

        @functools.wraps(target)
        def patched(*args, **kwargs):
            return wrapper(target, *args, **kwargs)

        setattr(owner, name, staticmethod(patched) if is_static else patched)
        return wrapper

    return decorate


def _true(value):
    return str(value).lower() == "true"


def _is_interface(endpoint_type):
    return str(endpoint_type or "").lower() == "interface"


def _service_detail(backend, service_name, endpoint_type):
    """The ServiceDetail moto reports for service_name (InvalidServiceName when there is none), preferring endpoint_type."""
    details = backend.describe_vpc_endpoint_services(
        service_names=[service_name], filters=[], max_results=None, next_token=None, region=backend.region_name
    )["servicesDetails"]
    for detail in details:
        if any(t["ServiceType"].lower() == str(endpoint_type or "").lower() for t in detail["ServiceType"]):
            return detail
    return details[0]


def _endpoint_service_detail(backend, service_name, endpoint_type, service_region):
    """The ServiceDetail of the service an endpoint connects to: looked up in the service's own Region for a
    cross-Region endpoint (patch h), else in the endpoint's Region."""
    if service_region and service_region != backend.region_name:
        return _service_detail(ec2_backends[backend.account_id][service_region], service_name, endpoint_type)
    return _service_detail(backend, service_name, endpoint_type)


def _private_dns_name(detail):
    name = detail.get("PrivateDnsName")
    return name.lstrip("*.").rstrip(".").lower() if name else None


# --- a. PrivateDnsEnabled -------------------------------------------------------------------------------------

def default_private_dns(endpoint_type, detail):
    """CreateVpcEndpoint's PrivateDnsEnabled default: true for Interface endpoints of services that offer a private
    DNS name, false otherwise; Gateway endpoints have no private DNS.
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html (PrivateDnsEnabled, Default: true)
    https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html"""
    return _is_interface(endpoint_type) and _private_dns_name(detail) is not None


# --- b. subnets and Availability Zones -------------------------------------------------------------------------

def check_endpoint_subnets(backend, vpc_id, service_name, detail, kept_subnet_ids, new_subnet_ids,
                           cross_region=False):
    """An Interface endpoint has at most one subnet per AZ, only in AZs the service offers, only in its own VPC.
    A cross-Region endpoint's interfaces sit in the consumer's AZs, which the remote service does not list: the
    offered-AZ check does not apply to it (patch h).
    https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html (one subnet per AZ)
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html (SubnetIds)
    Errors as AWS answers them: DuplicateSubnetsInSameZone; InvalidParameter for an AZ the service does not offer."""
    zones = {backend.get_subnet(s).availability_zone: s for s in kept_subnet_ids}
    offered = set(detail.get("AvailabilityZones") or [])
    for subnet_id in new_subnet_ids:
        subnet = backend.get_subnet(subnet_id)
        if subnet.vpc_id != vpc_id:
            raise EC2ClientError(
                "InvalidParameter", f"The subnet ID '{subnet_id}' does not belong to the VPC '{vpc_id}'."
            )
        if not cross_region and subnet.availability_zone not in offered:
            raise EC2ClientError(
                "InvalidParameter",
                f"The VPC endpoint service {service_name} does not support the availability zone of the subnet: "
                f"{subnet_id}.",
            )
        if subnet.availability_zone in zones and zones[subnet.availability_zone] != subnet_id:
            raise EC2ClientError(
                "DuplicateSubnetsInSameZone",
                f"Found another VPC endpoint subnet in the availability zone of {subnet_id}. VPC endpoint subnets "
                "should be in different availability zones supported by the VPC endpoint service.",
            )
        zones[subnet.availability_zone] = subnet_id


def check_security_groups(backend, vpc_id, group_ids):
    """Security groups of an endpoint must exist in the endpoint's VPC (moto drops unknown ones from Groups).
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html (SecurityGroupIds)"""
    for group_id in group_ids:
        group = backend.get_security_group_from_id(group_id)
        if group is None or group.vpc_id != vpc_id:
            raise InvalidSecurityGroupNotFoundError(group_id)


# --- c. private DNS prerequisites ------------------------------------------------------------------------------

def check_private_dns_allowed(backend, endpoint_id, vpc_id, service_name, detail):
    """Private DNS on an Interface endpoint needs the VPC's enableDnsSupport and enableDnsHostnames, at most one
    endpoint per service per VPC with private DNS, and no private hosted zone of the same name associated with the VPC.
    https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#private-dns
    https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html#vpc-dns-support
    Messages are the ones AWS returns (InvalidParameter)."""
    vpc = backend.get_vpc(vpc_id)
    if not (_true(vpc.enable_dns_support) and _true(vpc.enable_dns_hostnames)):
        raise EC2ClientError(
            "InvalidParameter",
            "Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true "
            f"for {vpc_id}",
        )
    dns_name = _private_dns_name(detail)
    if dns_name is None:
        return
    taken_by_endpoint = any(
        e.id != endpoint_id
        and e.vpc_id == vpc_id
        and e.service_name == service_name
        and e.state != "deleted"
        and _true(e.private_dns_enabled)
        for e in list(backend.vpc_end_points.values())
    )
    if taken_by_endpoint or dns_name in _private_zone_names(backend, vpc_id):
        raise EC2ClientError(
            "InvalidParameter",
            "private-dns-enabled cannot be set because there is already a conflicting DNS domain for "
            f"{dns_name} in the VPC {vpc_id}",
        )


def _private_zone_names(backend, vpc_id):
    from moto.route53.models import route53_backends

    route53 = route53_backends[backend.account_id][get_partition(backend.region_name)]
    return {z["Name"].rstrip(".").lower() for z in route53.list_hosted_zones_by_vpc(vpc_id)}


# --- j. PrivateDnsOnlyForInboundResolverEndpoint (S3) -----------------------------------------------------------

def _has_gateway_type(backend, service_name, service_region):
    if service_region and service_region != backend.region_name:
        backend = ec2_backends[backend.account_id][service_region]
    details = backend.describe_vpc_endpoint_services(
        service_names=[service_name], filters=[], max_results=None, next_token=None, region=backend.region_name
    )["servicesDetails"]
    return any(t["ServiceType"].lower() == "gateway" for d in details for t in d["ServiceType"])


def check_inbound_resolver_option(backend, vpc_id, service_name, service_region, dns_options, enables_private_dns):
    """DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint exists only for services with both gateway and interface
    endpoints (S3). When private DNS is turned on without it, AWS takes it as true, and true needs a gateway endpoint
    for the service in the VPC; a service without gateway endpoints refuses the option whatever its value.
    https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns
    ("If you don't specify a value for PrivateDnsOnlyForInboundResolverEndpoint, it will default to true. [...] If a
    gateway endpoint is present in the VPC, the call succeeds. If not, you will see the following error message: To set
    PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC vpce_id must have a gateway endpoint for the service.")
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html ("This option is available
    only for services that support both gateway and interface endpoints.")
    The first message is the documented one (it names the VPC); the second is the one AWS returns, as users report it.
    Returns the option's value in effect, or None when the call neither sets it nor turns private DNS on."""
    requested = (dns_options or {}).get("PrivateDnsOnlyForInboundResolverEndpoint")
    if requested is None and not enables_private_dns:
        return None
    if not _has_gateway_type(backend, service_name, service_region):
        if requested is not None:
            raise EC2ClientError(
                "InvalidParameter", "PrivateDnsOnlyForInboundResolverEndpoint not supported for this service."
            )
        return None
    only_inbound = True if requested is None else _true(requested)
    if enables_private_dns and only_inbound:
        has_gateway = any(
            e.vpc_id == vpc_id
            and e.service_name == service_name
            and str(e.vpc_endpoint_type or "").lower() == "gateway"
            and e.state != "deleted"
            for e in list(backend.vpc_end_points.values())
        )
        if not has_gateway:
            raise EC2ClientError(
                "InvalidParameter",
                "To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC "
                f"{vpc_id} must have a gateway endpoint for the service.",
            )
    return only_inbound


def _record_dns_options(endpoint, only_inbound):
    """DescribeVpcEndpoints shows the option in DnsOptions once set (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptions.html)."""
    if only_inbound is not None:
        endpoint.dns_options = {"DnsRecordIpType": "ipv4", "PrivateDnsOnlyForInboundResolverEndpoint": only_inbound}


# --- e. endpoint network interfaces ----------------------------------------------------------------------------

def sync_endpoint_network_interfaces(backend, endpoint):
    """One requester-managed network interface per endpoint subnet, carrying the endpoint's security groups,
    InterfaceType vpc_endpoint, Description "VPC Endpoint Interface vpce-...".
    https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html (endpoint network interfaces)
    https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/requester-managed-eni.html"""
    by_subnet = {}
    for eni_id in endpoint.network_interface_ids:
        eni = backend.enis.get(eni_id)
        if eni is None:
            continue
        if eni.subnet.id in endpoint.subnet_ids and eni.subnet.id not in by_subnet:
            by_subnet[eni.subnet.id] = eni
        else:
            backend.enis.pop(eni_id, None)
    for subnet_id in endpoint.subnet_ids:
        if subnet_id not in by_subnet:
            by_subnet[subnet_id] = backend.create_network_interface(
                subnet_id, None, group_ids=list(endpoint.security_group_ids)
            )
    groups = [g for g in map(backend.get_security_group_from_id, endpoint.security_group_ids) if g is not None]
    for eni in by_subnet.values():
        eni._group_set = list(groups)
        eni.description = f"VPC Endpoint Interface {endpoint.id}"
        eni.interface_type = "vpc_endpoint"
        eni.requester_managed = True
    endpoint.network_interface_ids = [by_subnet[s].id for s in endpoint.subnet_ids]


# --- CreateVpcEndpoint / ModifyVpcEndpoint: the patches above, applied in AWS's order ----------------------------

@_patch(VPCs, "create_vpc_endpoint")
def create_vpc_endpoint_as_aws(original, self):
    """CreateVpcEndpoint validated and completed as AWS does (patches a, b, c, e; default security group).
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html"""
    backend = self.ec2_backend
    vpc_id = self._get_param("VpcId")
    service_name = self._get_param("ServiceName")
    endpoint_type = self._get_param("VpcEndpointType") or "Gateway"
    backend.get_vpc(vpc_id)
    # h. Cross-Region PrivateLink: ServiceRegion names the Region that hosts the service ("The default is the current
    # Region"). https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html ·
    # https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-cross-region.html
    service_region = self._get_param("ServiceRegion")
    cross_region = bool(service_region) and service_region != backend.region_name
    detail = _endpoint_service_detail(backend, service_name, endpoint_type, service_region)
    requested_dns = self._get_param("PrivateDnsEnabled")
    private_dns = _true(requested_dns) if requested_dns is not None else default_private_dns(endpoint_type, detail)
    if not _is_interface(endpoint_type):
        private_dns = False
    else:
        check_endpoint_subnets(backend, vpc_id, service_name, detail, [], self._get_param("SubnetIds", []),
                               cross_region)
        check_security_groups(backend, vpc_id, self._get_param("SecurityGroupIds", []))
        if private_dns:
            check_private_dns_allowed(backend, None, vpc_id, service_name, detail)
        only_inbound = check_inbound_resolver_option(backend, vpc_id, service_name, service_region,
                                                     self._get_param("DnsOptions"),
                                                     requested_dns is not None and private_dns)
    result = original(self)
    endpoint = result.result["VpcEndpoint"]
    endpoint.private_dns_enabled = private_dns
    endpoint.service_region = service_region if cross_region else None
    if _is_interface(endpoint_type):
        _record_dns_options(endpoint, only_inbound)
    if _is_interface(endpoint_type):
        if not endpoint.security_group_ids:
            endpoint.security_group_ids = [backend.get_default_security_group(vpc_id).id]
        # moto's own interfaces take addresses outside their subnets: replace them.
        for eni_id in endpoint.network_interface_ids:
            backend.enis.pop(eni_id, None)
        endpoint.network_interface_ids = []
        sync_endpoint_network_interfaces(backend, endpoint)
    return result


@_patch(VPCs, "modify_vpc_endpoint")
def modify_vpc_endpoint_as_aws(original, self):
    """ModifyVpcEndpoint honouring PrivateDnsEnabled and validating subnets, groups and private DNS (a, b, c, e).
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpoint.html"""
    backend = self.ec2_backend
    endpoint = backend.get_vpc_end_point(self._get_param("VpcEndpointId"))
    requested_dns = self._get_param("PrivateDnsEnabled")
    if _is_interface(endpoint.vpc_endpoint_type):
        service_region = getattr(endpoint, "service_region", None)
        detail = _endpoint_service_detail(backend, endpoint.service_name, endpoint.vpc_endpoint_type, service_region)
        removed = set(self._get_param("RemoveSubnetIds", []))
        kept = [s for s in endpoint.subnet_ids or [] if s not in removed]
        added = [s for s in self._get_param("AddSubnetIds", []) if s not in kept]
        check_endpoint_subnets(backend, endpoint.vpc_id, endpoint.service_name, detail, kept, added,
                               service_region is not None)
        check_security_groups(backend, endpoint.vpc_id, self._get_param("AddSecurityGroupIds", []))
        enables = requested_dns is not None and _true(requested_dns) and not _true(endpoint.private_dns_enabled)
        if enables:
            check_private_dns_allowed(backend, endpoint.id, endpoint.vpc_id, endpoint.service_name, detail)
        dns_options = self._get_param("DnsOptions")
        only_inbound = None
        if enables or dns_options:
            only_inbound = check_inbound_resolver_option(backend, endpoint.vpc_id, endpoint.service_name,
                                                         service_region, dns_options, enables)
    result = original(self)
    if _is_interface(endpoint.vpc_endpoint_type):
        if requested_dns is not None:
            endpoint.private_dns_enabled = _true(requested_dns)
        _record_dns_options(endpoint, only_inbound)
        sync_endpoint_network_interfaces(backend, endpoint)
    return result


# --- d. ModifyVpcAttribute -------------------------------------------------------------------------------------

@_patch(VPCs, "modify_vpc_attribute")
def modify_vpc_attribute_as_aws(original, self):
    """One attribute per call, and DNS hostnames only on a VPC with DNS support.
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcAttribute.html ("You cannot modify the DNS
    resolution and DNS hostnames attributes in the same request"; "You can only enable DNS hostnames if you've enabled
    DNS support"). The first error is AWS's; the second error's code and message are inferred (not documented)."""
    support = self._get_param("EnableDnsSupport.Value")
    hostnames = self._get_param("EnableDnsHostnames.Value")
    if support is not None and hostnames is not None:
        raise InvalidParameterCombination(
            "Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport"
        )
    if hostnames is not None and _true(hostnames):
        vpc = self.ec2_backend.get_vpc(self._get_param("VpcId"))
        if not _true(vpc.enable_dns_support):
            raise EC2ClientError(
                "InvalidParameterValue",
                "DNS hostnames can only be enabled for a VPC that has DNS support (enableDnsSupport) enabled.",
            )
    return original(self)


# --- f. DescribeVpcEndpoints pagination and filters ------------------------------------------------------------

@_patch(VPCs, "describe_vpc_endpoints")
def describe_vpc_endpoints_paged(original, self):
    """DescribeVpcEndpoints returns at most MaxResults (cap 1,000) endpoints per page with a NextToken.
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpoints.html"""
    endpoints = list(original(self).result["VpcEndpoints"])
    max_results = self._get_int_param("MaxResults") or 1000
    max_results = min(max(max_results, 1), 1000)
    next_token = self._get_param("NextToken")
    start = 0
    if next_token:
        ids = [e.id for e in endpoints]
        if next_token not in ids:
            raise InvalidNextToken(next_token)
        start = ids.index(next_token)
    page = endpoints[start : start + max_results]
    result = {"VpcEndpoints": page}
    if start + max_results < len(endpoints):
        result["NextToken"] = endpoints[start + max_results].id
    return ActionResult(result)


@_patch(VPCEndPoint, "get_filter_value")
def vpc_endpoint_filter_value(original, self, filter_name, method_name=None):
    """DescribeVpcEndpoints filters vpc-endpoint-id and ip-address-type (moto answers 500 for both).
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpoints.html (Filters)"""
    if filter_name == "vpc-endpoint-id":
        return self.id
    if filter_name == "ip-address-type":
        return "ipv4"
    return original(self, filter_name, method_name)


@_patch(VPCBackend, "_filter_endpoint_services")
def endpoint_services_filter_values(original, service_names_filters, filters, services):
    """DescribeVpcEndpointServices filter service-name (moto reads "Value" where the request carries "Values": 500).
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServices.html (Filters)"""
    normalised = []
    for item in filters or []:
        values = list(item.get("Values") or []) + list(item.get("Value") or [])
        normalised.append({"Name": item["Name"], "Value": values})
    return original(service_names_filters, normalised, services)


# --- t. DescribeVpcEndpointServices: AZ ids -----------------------------------------------------------------------

@_patch(VPCBackend, "describe_vpc_endpoint_services")
def endpoint_services_with_az_ids(original, self, *args, **kwargs):
    """Each ServiceDetail names its AZs by id as well as by name (availabilityZoneIdSet, one id per entry of
    availabilityZoneSet), as AWS answers; moto gives the names only.
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ServiceDetail.html"""
    result = original(self, *args, **kwargs)
    region = kwargs.get("region") or self.region_name
    ids = {z.name: z.zone_id for z in RegionsAndZonesBackend.zones.get(region, [])}
    details = []
    for detail in result["servicesDetails"]:
        names = detail.get("AvailabilityZones") or []
        if all(name in ids for name in names):
            detail = dict(detail, AvailabilityZoneIds=[ids[name] for name in names])
        details.append(detail)
    return dict(result, servicesDetails=details)


# --- s. Security Hub BatchImportFindings ------------------------------------------------------------------------

SECURITY_HUB_MAX_FINDINGS = 100
# "After a finding is created, BatchImportFindings cannot be used to update the following finding fields and objects":
_SECURITY_HUB_CUSTOMER_FIELDS = ("Note", "UserDefinedFields", "VerificationState", "Workflow")


def _asff_time(value):
    """An ASFF timestamp (ISO 8601, e.g. 2017-03-22T13:22:13.933Z) as an aware datetime, or None if it is not one."""
    try:
        return datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


@_patch(SecurityHubBackend, "batch_import_findings")
def batch_import_findings_as_aws(original, self, findings):
    """BatchImportFindings as AWS documents it (moto: no hub check, no limit, every update applied whole):
    - at most 100 findings per request ("Maximum of 100 findings per request"): InvalidInputException (400);
    - "Security Hub can only accept finding updates for accounts that have Security Hub enabled ... the findings are
      returned in the FailedFindings list, with an InvalidAccess error";
    - an update (same Id) whose UpdatedAt "matches or occurs before UpdatedAt on the existing finding" is ignored (it
      still counts as a success);
    - an update cannot change Note, UserDefinedFields, VerificationState or Workflow: "Security Hub ignores any content
      in BatchImportFindings for those attributes";
    - a new finding starts with RecordState ACTIVE and Workflow.Status NEW unless it says otherwise.
    https://docs.aws.amazon.com/securityhub/latest/userguide/finding-update-batchimportfindings.html
    https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchImportFindings.html"""
    findings = list(findings or [])
    if len(findings) > SECURITY_HUB_MAX_FINDINGS:
        raise SecurityHubInvalidInput(
            op="BatchImportFindings",
            msg=f"Findings has {len(findings)} items; at most {SECURITY_HUB_MAX_FINDINGS} findings per request",
        )
    if not self.enabled:
        failed = [
            {
                "Id": f.get("Id", ""),
                "ErrorCode": "InvalidAccess",
                "ErrorMessage": f"Account {self.account_id} is not subscribed to AWS Security Hub",
            }
            for f in findings
        ]
        return len(failed), 0, failed
    stored = {f.id: f for f in self.findings}
    accepted = []
    ignored = 0
    for finding in findings:
        existing = stored.get(finding.get("Id"))
        if existing is None:
            created = dict(finding)
            created.setdefault("RecordState", "ACTIVE")
            created.setdefault("Workflow", {"Status": "NEW"})
            accepted.append(created)
            continue
        new_time, old_time = _asff_time(finding.get("UpdatedAt")), _asff_time(existing.data.get("UpdatedAt"))
        if new_time is not None and old_time is not None and new_time <= old_time:
            ignored += 1
            continue
        accepted.append({k: v for k, v in finding.items() if k not in _SECURITY_HUB_CUSTOMER_FIELDS})
    failed_count, success_count, failed = original(self, accepted)
    return failed_count, success_count + ignored, failed


# --- test hook: seeded endpoint services (not AWS behaviour; only tests call it) -------------------------------

@_patch(VPCBackend, "_collect_default_endpoint_services")
def endpoint_services_with_seeded(original, account_id, region):
    """moto's endpoint services for the region, plus (replacing same-named ones) the services tests seeded."""
    with _LOCK:
        seeded = dict(_SEEDED_SERVICES.get((account_id, region), {}))
    services = [s for s in original(account_id, region) if s["ServiceName"] not in seeded]
    return services + list(seeded.values())


def seed_endpoint_service(spec):
    """Makes DescribeVpcEndpointServices report a service. spec: {serviceName, azNames, privateDnsName (or null),
    policySupported, managesVpcEndpoints, serviceType ("Interface"), region ("us-east-1"), account ("123456789012"),
    owner ("amazon"; a provider's account id for a customer or partner endpoint service)}."""
    region = spec.get("region", "us-east-1")
    account = spec.get("account", "123456789012")
    name = spec["serviceName"]
    detail = {
        "AcceptanceRequired": False,
        "AvailabilityZones": list(spec.get("azNames") or []),
        "BaseEndpointDnsNames": [f"{name.split('.')[-1]}.{region}.vpce.amazonaws.com"],
        "ManagesVpcEndpoints": bool(spec.get("managesVpcEndpoints", False)),
        "Owner": spec.get("owner") or "amazon",
        "ServiceId": f"vpce-svc-{BaseBackend.vpce_random_number()}",
        "ServiceName": name,
        "ServiceType": [{"ServiceType": spec.get("serviceType", "Interface")}],
        "Tags": [],
        "VpcEndpointPolicySupported": bool(spec.get("policySupported", True)),
    }
    if spec.get("privateDnsName"):
        detail["PrivateDnsName"] = spec["privateDnsName"]
        detail["PrivateDnsNames"] = [{"PrivateDnsName": spec["privateDnsName"]}]
        detail["PrivateDnsNameVerificationState"] = "verified"
    with _LOCK:
        _SEEDED_SERVICES.setdefault((account, region), {})[name] = detail
    return detail


# --- test hook: AWS Config PutEvaluations recording ------------------------------------------------------------

@_patch(ConfigResponse, "put_evaluations")
def put_evaluations_recorded(original, self):
    """PutEvaluations is accepted with or without TestMode, as AWS does, and every accepted request body is recorded
    for GET /endpoint-guard/config-evaluations. https://docs.aws.amazon.com/config/latest/APIReference/API_PutEvaluations.html"""
    response = original(self)
    raw = self.body.decode("utf-8") if isinstance(self.body, bytes) else self.body
    body = json.loads(raw) if raw else {}
    with _LOCK:
        _CONFIG_EVALUATIONS.append(body)
    return response


@_patch(ConfigBackend, "put_evaluations")
def put_evaluations_without_test_mode(original, self, evaluations=None, result_token=None, test_mode=False):
    """moto refuses PutEvaluations without TestMode; AWS accepts it (and stores results moto does not model)."""
    return original(self, evaluations, result_token, True)


@_patch(MotoAPIBackend, "reset")
def reset_clears_hooks(original, self):
    """POST /moto-api/reset also forgets seeded services and recorded evaluations."""
    with _LOCK:
        _SEEDED_SERVICES.clear()
        _CONFIG_EVALUATIONS.clear()
    return original(self)


# --- Regions an account has not enabled; roles that cannot be assumed -------------------------------------------

def _opt_in_regions():
    """The Regions moto lists as not-opted-in: disabled for every account of the local AWS (none can be enabled)."""
    return {r.name for r in RegionsAndZonesBackend.regions if r.opt_in_status == "not-opted-in"}


def _region_partition(region_name):
    return get_partition(region_name)


@_patch(AvailabilityZonesAndRegions, "describe_regions")
def describe_regions_enabled(original, self):
    """DescribeRegions lists the Regions enabled for the account unless AllRegions is true, honours the
    opt-in-status and region-name filters, and lists only the caller's partition (moto lists every Region of every
    partition and ignores AllRegions and Filters).
    https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html
    https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html ("You can't describe or access
    the Regions of one type of account from another")"""
    self.error_on_dryrun()
    partition = _region_partition(self.region)
    all_regions = _true(self._get_param("AllRegions", "false"))
    names = self._get_param("RegionNames", [])
    filters = {name: set(values) for name, values in self._filters_from_querystring().items()}
    out = []
    for region in self.ec2_backend.describe_regions(names):
        if _region_partition(region.name) != partition:
            continue
        enabled = region.opt_in_status in ("opt-in-not-required", "opted-in")
        if not (all_regions or names or enabled):
            continue
        if "opt-in-status" in filters and region.opt_in_status not in filters["opt-in-status"]:
            continue
        if "region-name" in filters and region.name not in filters["region-name"]:
            continue
        out.append(region)
    return ActionResult({"Regions": out})


_CREDENTIAL_SCOPE = re.compile(r"Credential=[^/]+/\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request")


def disabled_region_answer(environ):
    """An EC2 call in a Region the account has not enabled answers AuthFailure (HTTP 401): moto answers it as in any
    Region. https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html ("Opt-in Regions - Regions
    launched after March 20, 2019 are disabled by default") and the EC2 error AuthFailure
    (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html). Returns a Response, or None."""
    match = _CREDENTIAL_SCOPE.search(environ.get("HTTP_AUTHORIZATION", ""))
    if not match or match.group(2) != "ec2" or match.group(1) not in _opt_in_regions():
        return None
    body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>AuthFailure</Code>"
            "<Message>AWS was not able to validate the provided access credentials</Message></Error></Errors>"
            "<RequestID>" + str(uuid.uuid4()) + "</RequestID></Response>")
    return Response(body, 401, mimetype="text/xml")


def _trusts(statement, caller_account, partition):
    principal = statement.get("Principal", {})
    if principal == "*":
        return True
    names = principal.get("AWS", []) if isinstance(principal, dict) else []
    names = [names] if isinstance(names, str) else names
    for name in names:
        if name == "*" or name == caller_account or name == f"arn:{partition}:iam::{caller_account}:root":
            return True
        if name.startswith(f"arn:{partition}:iam::{caller_account}:"):
            return True
    return False


def _external_id_matches(statement, external_id):
    for operator, block in statement.get("Condition", {}).items():
        if "sts:ExternalId" in block or "sts:externalid" in {k.lower() for k in block}:
            wanted = next(v for k, v in block.items() if k.lower() == "sts:externalid")
            wanted = [wanted] if isinstance(wanted, str) else wanted
            if operator != "StringEquals" or external_id not in wanted:
                return False
    return True


def check_assume_role(caller_account, role_arn, external_id):
    """AssumeRole succeeds only when the role exists and its trust policy allows sts:AssumeRole to the caller's
    account (the account, its root, or one of its principals) with the ExternalId its condition asks for; AWS answers
    AccessDenied otherwise. moto assumes any ARN, existing or not.
    https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
    https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html (ExternalId)"""
    from moto.iam.models import iam_backends

    denied = STSClientError("AccessDenied", f"User: arn:aws:iam::{caller_account}:user/local-aws is not authorized"
                            f" to perform: sts:AssumeRole on resource: {role_arn}")
    match = re.match(r"arn:([\w-]+):iam::(\d{12}):role/(?:.*/)?([\w+=,.@-]+)$", role_arn or "")
    if not match:
        raise denied
    partition, account, _name = match.groups()
    try:
        role = iam_backends[account][partition].get_role_by_arn(role_arn)
    except Exception:
        raise denied
    policy = role.assume_role_policy_document
    policy = json.loads(urllib.parse.unquote(policy)) if isinstance(policy, str) else policy
    statements = policy.get("Statement", [])
    statements = [statements] if isinstance(statements, dict) else statements
    for st in statements:
        actions = st.get("Action", [])
        actions = [actions] if isinstance(actions, str) else actions
        if st.get("Effect") == "Allow" and any(a in ("sts:AssumeRole", "sts:*", "*") for a in actions) \
                and _trusts(st, caller_account, partition) and _external_id_matches(st, external_id):
            return
    raise denied


@_patch(TokenResponse, "assume_role")
def assume_role_checked(original, self):
    """AssumeRole as AWS decides it: see check_assume_role."""
    check_assume_role(self.current_account, self._get_param("RoleArn"), self._get_param("ExternalId"))
    return original(self)


# --- server ----------------------------------------------------------------------------------------------------

class EndpointGuardHooks:
    """WSGI middleware: answers /endpoint-guard/* itself and passes everything else to moto."""

    def __init__(self, moto_app):
        self.moto_app = moto_app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith("/endpoint-guard/"):
            refused = disabled_region_answer(environ)
            if refused is not None:
                return refused(environ, start_response)
            return self.moto_app(environ, start_response)
        request = Request(environ)
        if path == "/endpoint-guard/config-evaluations" and request.method == "GET":
            with _LOCK:
                payload = json.dumps(_CONFIG_EVALUATIONS)
            return Response(payload, 200, mimetype="application/json")(environ, start_response)
        if path == "/endpoint-guard/services" and request.method == "POST":
            try:
                detail = seed_endpoint_service(json.loads(request.get_data(as_text=True)))
            except (KeyError, ValueError, TypeError) as e:
                return Response(json.dumps({"error": repr(e)}), 400, mimetype="application/json")(
                    environ, start_response
                )
            return Response(json.dumps(detail), 200, mimetype="application/json")(environ, start_response)
        return Response(json.dumps({"error": "unknown hook " + path}), 404, mimetype="application/json")(
            environ, start_response
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description="moto server with endpoint-guard's AWS-fidelity patches")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args(argv)
    os.environ.setdefault("MOTO_PORT", str(args.port))
    moto_app = DomainDispatcherApplication(create_backend_app)
    server = make_server(args.host, args.port, EndpointGuardHooks(moto_app), threaded=True)
    print(f"READY {server.server_port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
