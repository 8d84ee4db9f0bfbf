package dev.endpointguard.testing;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.regions.Region;

/**
 * Starts one {@link LocalAws} per JVM, lazily (installing the pinned moto first when no Python has it), shared by every test class that uses it and closed when the test run
 * ends; resets it before each test; injects {@link LocalAws} and {@link AwsClients} (us-east-1, retries off).
 */
public final class LocalAwsExtension implements BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

  /** The shared process and the clients pointed at it; the root store closes it at the end of the run. */
  private record Shared(LocalAws aws, AwsClients clients) implements AutoCloseable {
    static Shared start() {
      try {
        LocalAws aws = LocalAws.start(home(), message -> System.err.println("local AWS: " + message));
        // What runs in this JVM against the local AWS without its own clients (the CLI's --endpoint-url, handler
        // runtimes the tests build) finds these keys first in the SDK's default chain, as a user's shell would.
        System.setProperty("aws.accessKeyId", LocalAws.LOCAL_ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalAws.LOCAL_SECRET_KEY);
        return new Shared(aws, new AwsClients(AwsClients.Target.local(Region.US_EAST_1, aws.endpoint())
            .withCredentials(LocalAws.credentials()).withRetries(false)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      clients.close();
      aws.close();
    }
  }

  /**
   * The repository root, where the pinned moto is installed when no Python has it ({@code .local-aws/venv}): the
   * {@value #HOME_PROPERTY} system property (the build sets it to the top-level project directory), else the working
   * directory.
   */
  public static java.nio.file.Path home() {
    String home = System.getProperty(HOME_PROPERTY, "");
    return java.nio.file.Path.of(home.isBlank() ? "." : home).toAbsolutePath().normalize();
  }

  static final String HOME_PROPERTY = "endpointguard.home";

  private static Shared shared(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Shared.class, k -> Shared.start(), Shared.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    shared(context).aws().reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalAws.class || type == AwsClients.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Shared shared = shared(context);
    return parameter.getParameter().getType() == LocalAws.class ? shared.aws() : shared.clients();
  }
}
