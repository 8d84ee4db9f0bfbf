"""Seeds the local AWS with the estate of the side-by-side benchmark (tools/bench/custodian.sh) and prints, as JSON,
what it made and how many endpoints carry each problem.

Estate: VPCS VPCs (10.<v>.0.0/16, DNS support and hostnames on), each with three /20 subnets in us-east-1a, -1b and
-1c, a closed group (443 from the VPC's CIDR) and an open group (443 from 0.0.0.0/0), and ENDPOINTS Interface
endpoints spread evenly over the VPCs, one per AWS service in a VPC (so no endpoint has a sibling of the same
service). The k-th endpoint of VPC v has exactly one problem, by (k + v) % 5 (so a small estate has each):
  0 single-az      one subnet (us-east-1a) instead of three
  1 private-dns    private DNS off (every service used offers a private DNS name)
  2 default-policy no policy document: AWS's default full-access policy (Principal "*", no condition)
  3 open-group     the open group instead of the closed one
  4 clean          three subnets, private DNS on, the bounded policy, the closed group
Every endpoint without problem 2 has the bounded policy: Principal "*" with StringEquals aws:PrincipalAccount = the
scanned account, which both endpoint-guard and Cloud Custodian's cross-account filter accept.

Moto's create calls are slow one after another (most of a call's time is the client's and the HTTP round trip), so
the endpoints are made from up to THREADS threads (default 16), one VPC per thread. The local AWS is not safe for
every concurrent write, so the seeding keeps to three rules: the VPCs, subnets and groups are made one after another
(creating a subnet reads every subnet); no two threads write in the same VPC (moto hands out an endpoint interface's
address from one generator per subnet); and no endpoint is created while another is checked for private DNS (the
launcher's check iterates over all the Region's endpoints, and a concurrent create fails it with "dictionary changed
size during iteration"): endpoints are created with private DNS off, then it is turned on (ModifyVpcEndpoint) where
the mix wants it.

With MIX "sweep" (the sweep's scale benchmark, tools/bench/sweep-scale.sh) the k-th endpoint of VPC v is single-az
when (k + v) % 10 == 0 and clean otherwise: one endpoint in ten needs a fix.

Usage: python seed_estate.py http://127.0.0.1:PORT ENDPOINTS [VPCS] [THREADS] [MIX]
"""

import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

REGION = "us-east-1"
ZONES = ["us-east-1a", "us-east-1b", "us-east-1c"]
PROBLEMS = ["single-az", "private-dns", "default-policy", "open-group", "clean"]
# Services that store data behind a gateway design are excused differently by endpoint-guard's private-DNS rule.
GATEWAY_SERVICES = {"s3", "s3-outposts", "s3express", "dynamodb"}


def interface_services(ec2):
    """AWS Interface services in the Region that offer a private DNS name and support an endpoint policy."""
    names, token = [], None
    while True:
        page = ec2.describe_vpc_endpoint_services(**({"NextToken": token} if token else {}))
        for detail in page["ServiceDetails"]:
            name = detail["ServiceName"]
            if (name.startswith(f"com.amazonaws.{REGION}.")
                    and name.split(".", 3)[3] not in GATEWAY_SERVICES
                    and any(t["ServiceType"] == "Interface" for t in detail["ServiceType"])
                    and detail.get("PrivateDnsName")
                    and detail.get("VpcEndpointPolicySupported")):
                names.append(name)
        token = page.get("NextToken")
        if not token:
            return sorted(set(names))


def bounded_policy(account):
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*",
        "Condition": {"StringEquals": {"aws:PrincipalAccount": account}}}]})


def make_vpc(ec2, index):
    cidr = f"10.{index}.0.0/16"
    vpc = ec2.create_vpc(CidrBlock=cidr)["Vpc"]["VpcId"]
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsSupport={"Value": True})
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.{index}.{16 * z}.0/20", AvailabilityZone=zone)
               ["Subnet"]["SubnetId"] for z, zone in enumerate(ZONES)]
    groups = {}
    for name, source in (("closed", cidr), ("open", "0.0.0.0/0")):
        group = ec2.create_security_group(GroupName=f"bench-endpoints-{name}",
                                          Description=f"benchmark endpoints, 443 from {source}",
                                          VpcId=vpc)["GroupId"]
        ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{
            "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": source}]}])
        groups[name] = group
    return {"vpc": vpc, "subnets": subnets, "groups": groups}


def endpoint_request(vpc, service, problem, account):
    request = {
        "VpcId": vpc["vpc"], "ServiceName": service, "VpcEndpointType": "Interface",
        "SubnetIds": vpc["subnets"][:1] if problem == "single-az" else vpc["subnets"],
        "SecurityGroupIds": [vpc["groups"]["open" if problem == "open-group" else "closed"]],
        "PrivateDnsEnabled": False,
    }
    if problem != "default-policy":
        request["PolicyDocument"] = bounded_policy(account)
    return request


def main():
    endpoint_url = sys.argv[1]
    endpoints = int(sys.argv[2])
    vpc_count = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 16
    mix = sys.argv[5] if len(sys.argv) > 5 else "custodian"
    started = time.monotonic()
    ec2 = boto3.client("ec2", region_name=REGION, endpoint_url=endpoint_url,
                       aws_access_key_id="testing", aws_secret_access_key="testing",
                       config=Config(max_pool_connections=threads, retries={"mode": "standard"}))
    sts = boto3.client("sts", region_name=REGION, endpoint_url=endpoint_url,
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    account = sts.get_caller_identity()["Account"]
    services = interface_services(ec2)
    per_vpc = -(-endpoints // vpc_count)
    if per_vpc > len(services):
        sys.exit(f"{per_vpc} endpoints per VPC need as many services; the local AWS offers {len(services)}: "
                 f"use more VPCs")
    # One after another: creating a subnet reads every VPC's subnets.
    vpcs = [make_vpc(ec2, v) for v in range(vpc_count)]
    # Per VPC: (problem, CreateVpcEndpoint request) for its k-th endpoint, k = 0, 1, ...
    plan = [[] for _ in vpcs]
    for i in range(endpoints):
        v, k = i % vpc_count, i // vpc_count
        if mix == "sweep":
            problem = "single-az" if (k + v) % 10 == 0 else "clean"
        else:
            problem = PROBLEMS[(k + v) % len(PROBLEMS)]
        plan[v].append((problem, endpoint_request(vpcs[v], services[k], problem, account)))

    def create(v):
        return [ec2.create_vpc_endpoint(**request)["VpcEndpoint"]["VpcEndpointId"] for _, request in plan[v]]

    def private_dns_on(v, ids):
        for (problem, _), endpoint in zip(plan[v], ids):
            if problem != "private-dns":
                ec2.modify_vpc_endpoint(VpcEndpointId=endpoint, PrivateDnsEnabled=True)

    with ThreadPoolExecutor(max_workers=min(threads, vpc_count)) as pool:
        ids = list(pool.map(create, range(vpc_count)))
        list(pool.map(private_dns_on, range(vpc_count), ids))
    requests = [entry for entries in plan for entry in entries]
    counts = {p: sum(1 for problem, _ in requests if problem == p) for p in PROBLEMS}
    print(json.dumps({"account": account, "endpoints": endpoints, "vpcs": [v["vpc"] for v in vpcs],
                      "problems": counts, "seconds": round(time.monotonic() - started, 1)}))


if __name__ == "__main__":
    main()
