package dev.endpointguard.plan;

import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * The executor's way to AWS: each change kind's {@link Change#write} makes its calls through {@link #call}, which
 * counts them (failed ones included) so writes can be asserted. Only the executor makes one, and only classes of this
 * package can use it: the executor stays the only code that writes AWS.
 */
final class Ec2Writer {
  private final Ec2Client ec2;
  private int count;

  Ec2Writer(Ec2Client ec2) {
    this.ec2 = Objects.requireNonNull(ec2, "ec2");
  }

  /** Makes one AWS write call and counts it; whatever it throws is the caller's to handle. */
  <T> T call(Function<Ec2Client, T> write) {
    count++;
    return write.apply(ec2);
  }

  /** Write calls made so far, failed ones included. */
  int count() {
    return count;
  }

  /**
   * The EC2 error code of {@code e}, or "" when AWS gave none.
   * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
   */
  static String errorCode(Ec2Exception e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
        : e.awsErrorDetails().errorCode();
  }
}
