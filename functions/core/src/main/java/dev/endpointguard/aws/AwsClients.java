package dev.endpointguard.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

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
                       boolean retries, List<ExecutionInterceptor> interceptors, Optional<Duration> attemptTimeout,
                       Optional<AwsCredentialsProvider> credentials) {
    public Target {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(endpointOverride, "endpointOverride");
      Objects.requireNonNull(profile, "profile");
      interceptors = List.copyOf(interceptors);
      Objects.requireNonNull(attemptTimeout, "attemptTimeout");
      Objects.requireNonNull(credentials, "credentials");
    }

    public Target(Region region, Optional<URI> endpointOverride, Optional<String> profile, boolean retries,
                  List<ExecutionInterceptor> interceptors) {
      this(region, endpointOverride, profile, retries, interceptors, Optional.empty(), Optional.empty());
    }

    /** A real AWS region through the default credential chain. */
    public static Target aws(Region region) {
      return new Target(region, Optional.empty(), Optional.empty(), true, List.of());
    }

    /**
     * Every call sent to {@code endpoint} (a local AWS, or an AWS-compatible endpoint); credentials from the default
     * chain unless {@link #withCredentials} names some: nothing is made up.
     */
    public static Target local(Region region, URI endpoint) {
      return new Target(region, Optional.of(endpoint), Optional.empty(), true, List.of());
    }

    public Target withRetries(boolean on) {
      return new Target(region, endpointOverride, profile, on, interceptors, attemptTimeout, credentials);
    }

    public Target withInterceptors(List<ExecutionInterceptor> list) {
      return new Target(region, endpointOverride, profile, retries, list, attemptTimeout, credentials);
    }

    public Target withAttemptTimeout(Duration limit) {
      return new Target(region, endpointOverride, profile, retries, interceptors, Optional.of(limit), credentials);
    }

    /** The same way in, to another Region. */
    public Target inRegion(Region other) {
      return new Target(other, endpointOverride, profile, retries, interceptors, attemptTimeout, credentials);
    }

    /**
     * The partition of the target's Region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, …), as the SDK's Region
     * metadata knows it: the second field of every ARN there. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
     */
    public String partition() {
      return PartitionMetadata.of(region).id();
    }

    /** These credentials instead of the default chain (a local AWS's, given by whoever started it). */
    public Target withCredentials(AwsCredentialsProvider provider) {
      return new Target(region, endpointOverride, profile, retries, interceptors, attemptTimeout,
          Optional.of(provider));
    }
  }

  /** Attempts of one SNS publish (the first and four retries). */
  static final int PUBLISH_ATTEMPTS = 5;

  private final Target target;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final Ec2Client ec2;
  // Made on first use: a sweep without alerts, private DNS findings or Config rules never needs them (~0.3 s of
  // start), and a Lambda function knows its account from its ARN, so only the change-event function asks STS.
  private final Lazy<StsClient> sts;
  private final Lazy<SnsClient> sns;
  private final Lazy<SqsClient> sqs;
  private final Lazy<Route53Client> route53;
  private final Lazy<ConfigClient> config;
  private final Lazy<OrganizationsClient> organizations;
  private final Lazy<SecurityHubClient> securityHub;

  public AwsClients(Target target) {
    this.target = target;
    this.http = UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(20))
        .build();
    this.credentials = credentialsFor(target);
    this.ec2 = configure(Ec2Client.builder(), target.region()).build();
    this.sts = new Lazy<>(() -> configure(StsClient.builder(), target.region()).build());
    this.sns = new Lazy<>(() -> configure(SnsClient.builder(), target.region(), publishRetries()).build());
    // The sweep's hand-over queue is FIFO with content-based deduplication, so a send retried after a lost answer is
    // taken once: the standard retries are safe. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-exactly-once-processing.html
    this.sqs = new Lazy<>(() -> configure(SqsClient.builder(), target.region()).build());
    // Route 53 is a global service: its API lives in aws-global whatever the scanned region.
    this.route53 = new Lazy<>(() -> configure(Route53Client.builder(), Region.AWS_GLOBAL).build());
    this.config = new Lazy<>(() -> configure(ConfigClient.builder(), target.region()).build());
    // Organizations is a global service: the SDK's endpoint rules send every Region of a partition to its one
    // endpoint (organizations.us-east-1.amazonaws.com in aws); an endpoint override is used as given.
    // https://docs.aws.amazon.com/general/latest/gr/ao.html
    this.organizations = new Lazy<>(() -> configure(OrganizationsClient.builder(), target.region()).build());
    // Security Hub is Regional: findings go to the hub of the scanned Region. The standard retry mode retries
    // throttling (10 TPS per account and Region, burst 30) a bounded number of times; a repeated import is harmless,
    // since Security Hub ignores an update whose UpdatedAt is not later than the finding's.
    // https://docs.aws.amazon.com/securityhub/latest/userguide/finding-update-batchimportfindings.html
    this.securityHub = new Lazy<>(() -> configure(SecurityHubClient.builder(), target.region()).build());
  }

  private static AwsCredentialsProvider credentialsFor(Target target) {
    if (target.credentials().isPresent()) {
      return target.credentials().get();
    }
    if (target.profile().isPresent()) {
      return ProfileCredentialsProvider.create(target.profile().get());
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /**
   * SNS publishes are retried only when SNS answered that it did not take the message (throttling, a server error),
   * with backoff: a publish whose answer was lost may have gone through, and sending it again could double an alert.
   * https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html ·
   * https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
   */
  static RetryStrategy publishRetries() {
    return StandardRetryStrategy.builder()
        .useClientDefaults(false)
        .maxAttempts(PUBLISH_ATTEMPTS)
        .retryOnException(AwsErrors::refusedRetryably)
        .treatAsThrottling(t -> t instanceof AwsServiceException s && s.isThrottlingException())
        .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofSeconds(1), Duration.ofSeconds(20)))
        .circuitBreakerEnabled(false)
        .build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region) {
    return configure(builder, region, null);
  }

  /** {@code retries}: a client's own retry strategy; null for the SDK's standard mode. */
  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region, RetryStrategy retries) {
    ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
        .apiCallTimeout(Duration.ofSeconds(60));
    if (retries == null) {
      override.retryStrategy(RetryMode.STANDARD);
    } else {
      override.retryStrategy(retries);
    }
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

  /**
   * Credentials of the role {@code roleArn}, assumed through these clients' STS and refreshed before they expire. STS is
   * reached at its Regional endpoint (these clients' Region): its session tokens are valid in every Region, where the
   * global endpoint's are valid only in the Regions enabled by default.
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html ·
   * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
   *
   * @param externalId  the external id the role's trust policy asks for, if any (2–1224 characters)
   * @param sessionName the role session name CloudTrail records (2–64 characters of {@code [\w+=,.@-]})
   * @return a provider that calls AssumeRole on first use; close it when done. A role that cannot be assumed fails on
   *         that first use with the STS error (AccessDenied for a missing role, an untrusting trust policy or a wrong
   *         external id)
   */
  public StsAssumeRoleCredentialsProvider assumeRole(String roleArn, Optional<String> externalId, String sessionName) {
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts())
        .refreshRequest(r -> {
          r.roleArn(roleArn).roleSessionName(sessionName);
          externalId.ifPresent(r::externalId);
        })
        .build();
  }

  /** How these clients reach AWS: what a client for another Region or account of the same scan starts from. */
  public Target target() { return target; }
  public Region region() { return target.region(); }
  public Ec2Client ec2() { return ec2; }
  public StsClient sts() { return sts.get(); }
  public SnsClient sns() { return sns.get(); }
  public SqsClient sqs() { return sqs.get(); }
  public Route53Client route53() { return route53.get(); }
  public ConfigClient config() { return config.get(); }
  public OrganizationsClient organizations() { return organizations.get(); }
  public SecurityHubClient securityHub() { return securityHub.get(); }

  @Override
  public void close() {
    ec2.close();
    sts.ifMade(StsClient::close);
    sns.ifMade(SnsClient::close);
    sqs.ifMade(SqsClient::close);
    route53.ifMade(Route53Client::close);
    config.ifMade(ConfigClient::close);
    organizations.ifMade(OrganizationsClient::close);
    securityHub.ifMade(SecurityHubClient::close);
    http.close();
  }
}
