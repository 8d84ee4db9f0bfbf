package dev.endpointguard.testing;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.Pipeline;
import dev.endpointguard.engine.Wiring;
import java.net.URI;
import software.amazon.awssdk.regions.Region;

/**
 * The standard {@link Pipeline} for tests that hand it the estate ({@code evaluateAndAct}) in alert mode: its AWS
 * clients point at a closed loopback port and are never called. Close it (JUnit's {@code @AutoClose}, or
 * try-with-resources) to close the clients.
 */
public final class OfflinePipeline implements AutoCloseable {
  private final AwsClients unused = new AwsClients(AwsClients.Target.local(Region.US_EAST_1,
      URI.create("http://127.0.0.1:9")));
  private final Pipeline pipeline = Wiring.pipeline(unused);

  /** The pipeline, wired as production wires it. */
  public Pipeline pipeline() {
    return pipeline;
  }

  @Override
  public void close() {
    unused.close();
  }
}
