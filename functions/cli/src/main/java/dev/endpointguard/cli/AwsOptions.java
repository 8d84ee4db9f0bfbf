package dev.endpointguard.cli;

import dev.endpointguard.aws.AwsClients;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** Region, profile and endpoint flags, resolved the way the AWS CLI resolves them. */
final class AwsOptions {
  @Option(names = "--region", paramLabel = "REGION",
      description = "AWS Region (default: as the AWS CLI resolves it); scan takes it more than once.")
  List<String> regions = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "PROFILE", description = "Named profile from ~/.aws/config.")
  String profile;

  @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS call to this URL (a local AWS).")
  String endpointUrl;

  /**
   * The home target: the first --region, or the Region the AWS CLI would use; with it the caller's profile or default
   * credentials and the endpoint override.
   *
   * @throws IllegalArgumentException for a malformed Region or endpoint, or when no Region can be found
   */
  AwsClients.Target target(CommandLine cl) {
    Region r = resolveRegion();
    Optional<URI> endpoint = Optional.ofNullable(endpointUrl).map(AwsOptions::parseEndpoint);
    return new AwsClients.Target(r, endpoint, Optional.ofNullable(profile), true, List.of());
  }

  /**
   * The home target of {@code scan --all-regions}: the Region the AWS CLI would use, from which the enabled Regions are
   * listed ({@code --region} is refused with {@code --all-regions}).
   *
   * @throws IllegalArgumentException when no Region can be found, saying why one is needed
   */
  AwsClients.Target homeForAllRegions(CommandLine cl) {
    try {
      return target(cl);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("no AWS region")) {
        throw new IllegalArgumentException("--all-regions lists the enabled Regions (DescribeRegions) from a home"
            + " Region: set AWS_REGION, or a region in the profile");
      }
      throw e;
    }
  }

  /** The {@code --endpoint-url} and {@code --profile} flags as given, for a command the CLI prints to run next. */
  List<String> connectionArgs() {
    List<String> args = new ArrayList<>();
    if (endpointUrl != null) {
      args.addAll(List.of("--endpoint-url", endpointUrl));
    }
    if (profile != null) {
      args.addAll(List.of("--profile", profile));
    }
    return args;
  }

  static URI parseEndpoint(String value) {
    try {
      URI uri = new URI(value.trim());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new IllegalArgumentException("--endpoint-url '" + value + "' is not an http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--endpoint-url '" + value + "' is not a URL: " + e.getReason());
    }
  }

  /** The Regions named with --region, checked, in order. */
  List<String> regionNames() {
    return regions.stream().map(r -> checkRegion(r, "--region").id()).toList();
  }

  /** For a command that works in one Region: more than one --region is a usage error. */
  void requireOneRegion() {
    if (regions.size() > 1) {
      throw new IllegalArgumentException("--region is given once here");
    }
  }

  private Region resolveRegion() {
    if (!regions.isEmpty()) {
      return checkRegion(regions.get(0), "--region");
    }
    // The AWS CLI reads AWS_REGION, then AWS_DEFAULT_REGION, then the profile's region.
    for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
      String v = System.getenv(variable);
      if (v != null && !v.isBlank()) {
        return checkRegion(v, variable);
      }
    }
    try {
      Region r = profile != null ? new AwsProfileRegionProvider(null, profile).getRegion()
          : DefaultAwsRegionProviderChain.builder().build().getRegion();
      if (r != null) {
        return r;
      }
    } catch (SdkClientException e) {
      // fall through to the usage error
    }
    throw new IllegalArgumentException("no AWS region: pass --region, set AWS_REGION, or set one in the profile");
  }

  static Region checkRegion(String value, String source) {
    String v = value.trim();
    if (!v.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw new IllegalArgumentException(source + " '" + value + "' is not a region name like us-east-1");
    }
    return Region.of(v);
  }
}
