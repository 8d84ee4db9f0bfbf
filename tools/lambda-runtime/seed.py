"""Seeds the local AWS with one VPC (DNS on, two subnets in two AZs) and one Interface endpoint for SSM in only one
of them: the sweep must find it single-AZ. Prints the endpoint id and the VPC id, space-separated.

Usage: python3 seed.py http://127.0.0.1:PORT
"""

import sys

import boto3


def main():
    endpoint_url = sys.argv[1]
    ec2 = boto3.client("ec2", region_name="us-east-1", endpoint_url=endpoint_url,
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsSupport={"Value": True})
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
    subnet_a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]
    ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.2.0/24", AvailabilityZone="us-east-1b")
    group = ec2.create_security_group(GroupName="ssm-endpoint", Description="ssm endpoint", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.20.0.0/16"}]}])
    endpoint = ec2.create_vpc_endpoint(
        VpcId=vpc, ServiceName="com.amazonaws.us-east-1.ssm", VpcEndpointType="Interface",
        SubnetIds=[subnet_a["SubnetId"]], SecurityGroupIds=[group], PrivateDnsEnabled=True,
    )["VpcEndpoint"]["VpcEndpointId"]
    print(endpoint, vpc)


if __name__ == "__main__":
    main()
