package dev.endpointguard.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.alert.AlertContext;
import dev.endpointguard.alert.AlertFormatter;
import dev.endpointguard.alert.AlertMessage;
import dev.endpointguard.alert.Findings;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.rules.RuleId;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/** How publishing failures come back as data: which are retryable, and that one failure never stops the rest. */
class AlertPublisherFailureTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:endpoint-guard-alerts";

  /** An SNS client that answers each publish from a script: a message id, or an exception. */
  private static final class ScriptedSns implements SnsClient {
    private final List<Supplier<PublishResponse>> answers;
    private final List<PublishRequest> requests = new ArrayList<>();

    ScriptedSns(List<Supplier<PublishResponse>> answers) {
      this.answers = answers;
    }

    @Override
    public PublishResponse publish(PublishRequest request) {
      requests.add(request);
      return answers.get(requests.size() - 1).get();
    }

    @Override
    public String serviceName() {
      return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
  }

  private static Supplier<PublishResponse> ok(String id) {
    return () -> PublishResponse.builder().messageId(id).build();
  }

  private static Supplier<PublishResponse> error(int status, String code) {
    return () -> {
      throw (SnsException) SnsException.builder().statusCode(status)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build())
          .message(code + " happened").build();
    };
  }

  private static List<AlertMessage> messages(int n) {
    List<AlertMessage> all = new AlertFormatter().format(Findings.report(Findings.many(n)), AlertContext.of("cli", "r"));
    assertThat(all).hasSize(n);
    return all;
  }

  @Test
  void publish_throttledAnd5xxBetweenSuccesses_othersPublishedFailuresRetryable() {
    ScriptedSns sns = new ScriptedSns(List.of(ok("m-1"), error(400, "Throttling"), error(500, "InternalError"),
        ok("m-4")));

    PublishResult result = new AlertPublisher(sns, TOPIC).publish(messages(4));

    assertThat(result.messageIds()).containsExactly("m-1", "m-4");
    assertThat(result.published()).isEqualTo(2);
    assertThat(result.failures()).extracting(PublishResult.Failure::index, PublishResult.Failure::errorCode,
            PublishResult.Failure::retryable)
        .containsExactly(Tuple.tuple(1, "Throttling", true),
            Tuple.tuple(2, "InternalError", true));
    assertThat(sns.requests).hasSize(4);
  }

  @Test
  void publish_authorizationError_failureNotRetryable() {
    ScriptedSns sns = new ScriptedSns(List.of(error(403, "AuthorizationError")));

    PublishResult result = new AlertPublisher(sns, TOPIC).publish(messages(1));

    assertThat(result.published()).isZero();
    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.errorCode()).isEqualTo("AuthorizationError");
      assertThat(f.retryable()).isFalse();
      assertThat(f.message()).contains("AuthorizationError happened");
      assertThat(f.subject()).startsWith("[endpoint-guard] ");
    });
  }

  @Test
  void publish_request_isStructuredJsonWithStringAttributesAndSubject() {
    ScriptedSns sns = new ScriptedSns(List.of(ok("m-1")));
    AlertMessage message = new AlertFormatter().format(Findings.report(List.of(
        Findings.result(RuleId.SINGLE_AZ_ENDPOINT, Outcome.APPLIED))), AlertContext.of("cli", "r")).get(0);

    new AlertPublisher(sns, TOPIC).publish(List.of(message));

    PublishRequest request = sns.requests.get(0);
    assertThat(request.topicArn()).isEqualTo(TOPIC);
    assertThat(request.messageStructure()).isEqualTo("json");
    assertThat(request.message()).isEqualTo(message.structuredMessage());
    assertThat(request.subject()).isEqualTo(message.subject());
    assertThat(request.messageAttributes()).containsOnlyKeys("rule", "severity", "outcome", "account", "region");
    assertThat(request.messageAttributes().get("rule").dataType()).isEqualTo("String");
    assertThat(request.messageAttributes().get("rule").stringValue()).isEqualTo("single-az-endpoint");
  }

  @Test
  void publish_nothingListens_networkFailureReportedRetryableNotThrown() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.create();
         SnsClient sns = SnsClient.builder().region(Region.US_EAST_1)
             .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
             .httpClient(http)
             .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
             .build()) {

      PublishResult result = new AlertPublisher(sns, TOPIC).publish(messages(2));

      assertThat(result.published()).isZero();
      assertThat(result.failures()).hasSize(2).allSatisfy(f -> {
        assertThat(f.errorCode()).isEqualTo("SdkClientException");
        assertThat(f.retryable()).isTrue();
      });
    }
  }
}
