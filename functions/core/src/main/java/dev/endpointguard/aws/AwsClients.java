package dev.endpointguard.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the SDK clients endpoint-guard uses, all sharing one url-connection HTTP client, an explicit region and
 * credentials provider, and the SDK's standard retry mode (throttling backs off from 1 s).
 * Build once per process (Lambda: in the handler's constructor) and share.
 */
public final class AwsClients implements AutoCloseable {

  /**
   * How to reach AWS: region, optional endpoint override (a local AWS), optional profile, retries on/off, and
   * optionally a shorter time limit per HTTP attempt (fault tests: a slow answer becomes a retried timeout).
   */
  public record Target(Region region, Optional<URI> endpointOverride, Optional<String> profile,
                       boolean retries, List<ExecutionInterceptor> interceptors, Optional<Duration> attemptTimeout) {
    public Target {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(endpointOverride, "endpointOverride");
      Objects.requireNonNull(profile, "profile");
      interceptors = List.copyOf(interceptors);
      Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    }

    public Target(Region region, Optional<URI> endpointOverride, Optional<String> profile, boolean retries,
                  List<ExecutionInterceptor> interceptors) {
      this(region, endpointOverride, profile, retries, interceptors, Optional.empty());
    }

    /** A real AWS region through the default credential chain. */
    public static Target aws(Region region) {
      return new Target(region, Optional.empty(), Optional.empty(), true, List.of());
    }

    /** A local AWS at {@code endpoint}; dummy credentials unless the environment supplies some. */
    public static Target local(Region region, URI endpoint) {
      return new Target(region, Optional.of(endpoint), Optional.empty(), true, List.of());
    }

    public Target withRetries(boolean on) {
      return new Target(region, endpointOverride, profile, on, interceptors, attemptTimeout);
    }


    public Target withInterceptors(List<ExecutionInterceptor> list) {
      return new Target(region, endpointOverride, profile, retries, list, attemptTimeout);
    }

    public Target withAttemptTimeout(Duration limit) {
      return new Target(region, endpointOverride, profile, retries, interceptors, Optional.of(limit));
    }
  }

  private final Target target;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final Ec2Client ec2;
  // Made on first use: a sweep without alerts, private DNS findings or Config rules never needs them (~0.3 s of
  // start), and a Lambda function knows its account from its ARN, so only the change-event function asks STS.
  private final Lazy<StsClient> sts;
  private final Lazy<SnsClient> sns;
  private final Lazy<Route53Client> route53;
  private final Lazy<ConfigClient> config;
  private final Lazy<OrganizationsClient> organizations;

  public AwsClients(Target target) {
    this.target = target;
    this.http = UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(20))
        .build();
    this.credentials = credentialsFor(target);
    this.ec2 = configure(Ec2Client.builder(), target.region()).build();
    this.sts = new Lazy<>(() -> configure(StsClient.builder(), target.region()).build());
    this.sns = new Lazy<>(() -> configure(SnsClient.builder(), target.region()).build());
    // Route 53 is a global service: its API lives in aws-global whatever the scanned region.
    this.route53 = new Lazy<>(() -> configure(Route53Client.builder(), Region.AWS_GLOBAL).build());
    this.config = new Lazy<>(() -> configure(ConfigClient.builder(), target.region()).build());
    // Organizations is a global service: the SDK's endpoint rules send every Region of a partition to its one
    // endpoint (organizations.us-east-1.amazonaws.com in aws); an endpoint override is used as given.
    // https://docs.aws.amazon.com/general/latest/gr/ao.html
    this.organizations = new Lazy<>(() -> configure(OrganizationsClient.builder(), target.region()).build());
  }

  private static AwsCredentialsProvider credentialsFor(Target target) {
    if (target.profile().isPresent()) {
      return ProfileCredentialsProvider.create(target.profile().get());
    }
    if (target.endpointOverride().isPresent()) {
      // A local AWS accepts any signed request: use the environment's keys when set, dummy ones otherwise.
      String key = System.getenv("AWS_ACCESS_KEY_ID");
      if (key != null && !key.isBlank() && System.getenv("AWS_SECRET_ACCESS_KEY") != null) {
        return EnvironmentVariableCredentialsProvider.create();
      }
      return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region) {
    ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
        .retryStrategy(RetryMode.STANDARD)
        .apiCallTimeout(Duration.ofSeconds(60));
    if (!target.retries()) {
      override.retryStrategy(b -> b.maxAttempts(1));
    }
    target.attemptTimeout().ifPresent(override::apiCallAttemptTimeout);
    target.interceptors().forEach(override::addExecutionInterceptor);
    builder.region(region).credentialsProvider(credentials).overrideConfiguration(override.build());
    target.endpointOverride().ifPresent(builder::endpointOverride);
    if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
      sync.httpClient(http);
    }
    return builder;
  }

  public Target target() { return target; }
  public Region region() { return target.region(); }
  public Ec2Client ec2() { return ec2; }
  public StsClient sts() { return sts.get(); }
  public SnsClient sns() { return sns.get(); }
  public Route53Client route53() { return route53.get(); }
  public ConfigClient config() { return config.get(); }
  public OrganizationsClient organizations() { return organizations.get(); }

  @Override
  public void close() {
    ec2.close();
    sts.ifMade(StsClient::close);
    sns.ifMade(SnsClient::close);
    route53.ifMade(Route53Client::close);
    config.ifMade(ConfigClient::close);
    organizations.ifMade(OrganizationsClient::close);
    http.close();
  }
}
