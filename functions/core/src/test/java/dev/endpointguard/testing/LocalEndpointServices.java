package dev.endpointguard.testing;

import dev.endpointguard.localaws.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Makes endpoint services on the local AWS with its real APIs: an Elastic Load Balancing v2 network load balancer
 * (CreateLoadBalancer, sent as a plain Query request because the build has no ELBv2 SDK client; the local AWS takes
 * its service from the credential scope and checks no signature), then CreateVpcEndpointServiceConfiguration and
 * ModifyVpcEndpointServicePermissions through the EC2 client.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
 */
public final class LocalEndpointServices {
  private static final Pattern ARN = Pattern.compile("<LoadBalancerArn>([^<]+)</LoadBalancerArn>");

  private final LocalAws aws;
  private final Ec2Client ec2;
  private int made;

  public LocalEndpointServices(LocalAws aws, Ec2Client ec2) {
    this.aws = aws;
    this.ec2 = ec2;
  }

  /**
   * A new Available service in us-east-1 behind a new network load balancer in {@code subnetId}, with these allowed
   * principals and tags.
   *
   * @return the service id ({@code vpce-svc-…})
   */
  public String create(String subnetId, boolean acceptanceRequired, List<String> principals, List<Tag> tags) {
    String loadBalancer = networkLoadBalancer(subnetId);
    String serviceId = ec2.createVpcEndpointServiceConfiguration(b -> {
      b.networkLoadBalancerArns(loadBalancer).acceptanceRequired(acceptanceRequired);
      if (!tags.isEmpty()) {
        b.tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VPC_ENDPOINT_SERVICE).tags(tags)
            .build());
      }
    }).serviceConfiguration().serviceId();
    if (!principals.isEmpty()) {
      ec2.modifyVpcEndpointServicePermissions(b -> b.serviceId(serviceId).addAllowedPrincipals(principals));
    }
    return serviceId;
  }

  private String networkLoadBalancer(String subnetId) {
    made++;
    String form = "Action=CreateLoadBalancer&Version=2015-12-01&Type=network&Scheme=internal"
        + "&Name=" + URLEncoder.encode("svc-nlb-" + made + "-" + System.nanoTime() % 100000, StandardCharsets.UTF_8)
        + "&Subnets.member.1=" + URLEncoder.encode(subnetId, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(aws.endpoint().resolve("/"))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + LocalAws.LOCAL_ACCESS_KEY
            + "/20260101/us-east-1/elasticloadbalancing/aws4_request, SignedHeaders=host, Signature=0")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      Matcher arn = ARN.matcher(response.body());
      if (response.statusCode() != 200 || !arn.find()) {
        throw new IllegalStateException("CreateLoadBalancer failed: HTTP " + response.statusCode() + " "
            + response.body());
      }
      return arn.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
