package dev.endpointguard.localaws;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An endpoint service that the local AWS's DescribeVpcEndpointServices (in {@code region}) reports once seeded with
 * {@link LocalAws#seedEndpointService}: for services no real API of moto can make (policy not supported, managed
 * endpoints). Seeding a name moto already knows replaces moto's entry. Reset forgets seeded services.
 */
public record SeededEndpointService(String serviceName, List<String> azNames, Optional<String> privateDnsName,
                                    boolean policySupported, boolean managesVpcEndpoints, String owner,
                                    String region) {
  public SeededEndpointService {
    Objects.requireNonNull(serviceName, "serviceName");
    azNames = List.copyOf(azNames);
    Objects.requireNonNull(privateDnsName, "privateDnsName");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(region, "region");
  }

  /** An AWS-style service in us-east-1, {@code com.amazonaws.us-east-1.<shortName>}, with private DNS and policies. */
  public static SeededEndpointService of(String shortName, List<String> azNames) {
    return new SeededEndpointService("com.amazonaws.us-east-1." + shortName, azNames,
        Optional.of(shortName + ".us-east-1.amazonaws.com"), true, false, "amazon", "us-east-1");
  }

  /**
   * A provider's endpoint service ({@code com.amazonaws.vpce.<region>.vpce-svc-…}) owned by account {@code owner},
   * without private DNS, hosted in {@code region}: a partner's or another team's service.
   */
  public static SeededEndpointService provider(String serviceName, String owner, String region,
                                               List<String> azNames) {
    return new SeededEndpointService(serviceName, azNames, Optional.empty(), true, false, owner, region);
  }

  public SeededEndpointService withoutPrivateDns() {
    return new SeededEndpointService(serviceName, azNames, Optional.empty(), policySupported, managesVpcEndpoints,
        owner, region);
  }

  public SeededEndpointService withPolicySupported(boolean on) {
    return new SeededEndpointService(serviceName, azNames, privateDnsName, on, managesVpcEndpoints, owner, region);
  }

  public SeededEndpointService withManagesVpcEndpoints(boolean on) {
    return new SeededEndpointService(serviceName, azNames, privateDnsName, policySupported, on, owner, region);
  }

  /** The JSON body of {@code POST /endpoint-guard/services}. */
  String toJson() {
    String azs = azNames.stream().map(SeededEndpointService::quote).collect(Collectors.joining(",", "[", "]"));
    return "{\"serviceName\":" + quote(serviceName)
        + ",\"azNames\":" + azs
        + ",\"privateDnsName\":" + privateDnsName.map(SeededEndpointService::quote).orElse("null")
        + ",\"policySupported\":" + policySupported
        + ",\"managesVpcEndpoints\":" + managesVpcEndpoints
        + ",\"owner\":" + quote(owner)
        + ",\"region\":" + quote(region) + "}";
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
