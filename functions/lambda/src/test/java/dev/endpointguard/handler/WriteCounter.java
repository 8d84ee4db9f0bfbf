package dev.endpointguard.handler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every SDK call by operation name; writes are the calls that are not Describe, Get or List. */
final class WriteCounter implements ExecutionInterceptor {
  private final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    calls.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  List<String> calls() {
    return List.copyOf(calls);
  }

  /** Calls to one service ({@code ec2}, {@code sts}, {@code config}, {@code sns}), case-insensitive. */
  List<String> calls(String service) {
    String prefix = service.toLowerCase(java.util.Locale.ROOT) + ":";
    return calls.stream().filter(c -> c.toLowerCase(java.util.Locale.ROOT).startsWith(prefix)).toList();
  }

  List<String> writes() {
    return calls.stream().filter(c -> {
      String op = c.substring(c.indexOf(':') + 1);
      return !(op.startsWith("Describe") || op.startsWith("Get") || op.startsWith("List"));
    }).toList();
  }

  void reset() {
    calls.clear();
  }
}
