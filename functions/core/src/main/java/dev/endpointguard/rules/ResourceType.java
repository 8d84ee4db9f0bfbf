package dev.endpointguard.rules;

/** The AWS resource types evaluations are about, named as AWS Config names them. */
public enum ResourceType {
  VPC_ENDPOINT("AWS::EC2::VPCEndpoint"),
  VPC("AWS::EC2::VPC"),
  VPC_ENDPOINT_SERVICE("AWS::EC2::VPCEndpointService");

  private final String configName;

  ResourceType(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }
}
