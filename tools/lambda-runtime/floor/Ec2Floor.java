import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Cold-start floor (benchmark only, not part of the package): an EC2 client built the way endpoint-guard builds its
 * own (url-connection HTTP client, explicit region, the default credentials chain, in the constructor) and the two
 * calls any endpoint check starts with, DescribeVpcEndpoints and DescribeVpcs. No rules, no logging of our own.
 */
public class Ec2Floor implements RequestStreamHandler {
  private final Ec2Client ec2 = Ec2Client.builder()
      .region(Region.of(System.getenv("AWS_REGION")))
      .credentialsProvider(DefaultCredentialsProvider.builder().build())
      .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).build())
      .build();

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    in.readAllBytes();
    int endpoints = ec2.describeVpcEndpoints().vpcEndpoints().size();
    int vpcs = ec2.describeVpcs().vpcs().size();
    out.write(("{\"status\":\"done\",\"endpoints\":" + endpoints + ",\"vpcs\":" + vpcs + "}")
        .getBytes(StandardCharsets.UTF_8));
  }
}
