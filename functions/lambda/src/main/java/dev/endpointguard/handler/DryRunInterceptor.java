package dev.endpointguard.handler;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Stops a request just before the SDK would send it: everything up to the wire runs (interceptors, marshalling,
 * endpoint resolution, signing), nothing reaches AWS. Added per request, never to a client.
 */
final class DryRunInterceptor implements ExecutionInterceptor {
  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    throw new DryRunStop(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }
}
