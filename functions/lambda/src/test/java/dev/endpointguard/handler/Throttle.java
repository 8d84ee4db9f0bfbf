package dev.endpointguard.handler;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** Fails one operation with an AWS error, as AWS would after the SDK's retries gave up. */
record Throttle(String operation, int status, String errorCode) implements ExecutionInterceptor {

  static Throttle throttled(String operation) {
    return new Throttle(operation, 503, "RequestLimitExceeded");
  }

  static Throttle denied(String operation) {
    return new Throttle(operation, 403, "UnauthorizedOperation");
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
      throw Ec2Exception.builder().statusCode(status).message(errorCode)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage(errorCode).build()).build();
    }
  }
}
