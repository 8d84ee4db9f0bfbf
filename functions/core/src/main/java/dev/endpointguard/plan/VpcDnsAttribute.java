package dev.endpointguard.plan;

import dev.endpointguard.model.VpcInfo;
import java.util.Arrays;
import java.util.Optional;

/** The two VPC DNS attributes private DNS needs, in the order AWS lets them be turned on. */
public enum VpcDnsAttribute {
  ENABLE_DNS_SUPPORT("enableDnsSupport", "--enable-dns-support"),
  ENABLE_DNS_HOSTNAMES("enableDnsHostnames", "--enable-dns-hostnames");

  private final String awsName;
  private final String cliFlag;

  VpcDnsAttribute(String awsName, String cliFlag) {
    this.awsName = awsName;
    this.cliFlag = cliFlag;
  }

  public String awsName() {
    return awsName;
  }

  public String cliFlag() {
    return cliFlag;
  }

  /** The attribute AWS names {@code awsName} ({@code enableDnsSupport}, {@code enableDnsHostnames}), if it is one. */
  public static Optional<VpcDnsAttribute> byAwsName(String awsName) {
    return Arrays.stream(values()).filter(a -> a.awsName.equals(awsName)).findFirst();
  }

  /** The attribute's value in a VPC as the inventory read it. */
  public boolean isOn(VpcInfo vpc) {
    return this == ENABLE_DNS_SUPPORT ? vpc.dnsSupport() : vpc.dnsHostnames();
  }
}
