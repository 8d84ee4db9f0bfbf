import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The AWS SDK's floor for the side-by-side benchmark (benchmark only, not part of endpoint-guard): the least a Java
 * program built on the AWS SDK for Java v2 does to see the estate's endpoints at all. It builds one EC2 client as
 * endpoint-guard does (url-connection HTTP client, explicit Region, the default credentials chain), lists every VPC
 * endpoint in pages of 1,000 (DescribeVpcEndpoints, the first of endpoint-guard's reads) and prints how many there
 * are: no other read, no rule, no report.
 *
 * <p>Arguments: the endpoint URL and the Region.
 */
public class EndpointListFloor {
  public static void main(String[] args) {
    try (Ec2Client ec2 = Ec2Client.builder().region(Region.of(args[1])).endpointOverride(URI.create(args[0]))
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .httpClient(UrlConnectionHttpClient.builder().build()).build()) {
      int endpoints = 0;
      for (VpcEndpoint ignored : ec2.describeVpcEndpointsPaginator(b -> b.maxResults(1000)).vpcEndpoints()) {
        endpoints++;
      }
      System.out.println("{\"endpoints\":" + endpoints + "}");
    }
  }
}
