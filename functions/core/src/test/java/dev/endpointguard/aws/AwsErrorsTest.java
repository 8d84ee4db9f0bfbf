package dev.endpointguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Issue 11: one classification of AWS errors for the executor, the handlers and the sinks. */
class AwsErrorsTest {

  private static AwsServiceException service(int status, String code) {
    return AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build()).build();
  }

  @Test
  void retryable_throttlingAndServerErrors_yes() {
    assertThat(AwsErrors.retryable(service(400, "RequestLimitExceeded"))).isTrue();
    assertThat(AwsErrors.retryable(service(400, "Throttling"))).isTrue();
    assertThat(AwsErrors.retryable(service(503, "Unavailable"))).isTrue();
    assertThat(AwsErrors.retryable(service(500, "InternalError"))).isTrue();
  }

  @Test
  void retryable_deniedOrBadRequest_no() {
    assertThat(AwsErrors.retryable(service(403, "UnauthorizedOperation"))).isFalse();
    assertThat(AwsErrors.retryable(service(400, "InvalidParameter"))).isFalse();
  }

  @Test
  void retryable_networkFailure_yes() {
    assertThat(AwsErrors.retryable(SdkClientException.create("x", new SocketException("Connection reset"))))
        .isTrue();
    assertThat(AwsErrors.retryable(SdkClientException.create("no region"))).isFalse();
  }

  @Test
  void describe_codeAndMessageOnOneLine() {
    assertThat(AwsErrors.describe(service(403, "AccessDenied"))).startsWith("AccessDenied: m");
    assertThat(AwsErrors.code(AwsServiceException.builder().statusCode(502).build())).isEqualTo("HTTP 502");
    assertThat(AwsErrors.code(SdkClientException.create("x"))).isEqualTo("SdkClientException");
  }
}
