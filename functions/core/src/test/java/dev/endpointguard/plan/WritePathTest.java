package dev.endpointguard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Issue 11: the executor stays the only code that writes AWS (only classes of {@code plan}, through its
 * {@link Ec2Writer}, call a mutating Ec2Client method), and {@code plan} depends on none of the packages built on it,
 * so there is no package cycle. Read from the sources of the product's modules.
 */
class WritePathTest {
  /** The modules whose main code runs in the product; the local AWS and the demo story seed a local estate. */
  private static final List<Path> PRODUCT_SOURCES = List.of(Path.of("functions/core/src/main/java"),
      Path.of("functions/lambda/src/main/java"), Path.of("functions/cli/src/main/java"));
  private static final Path DEMO = Path.of("functions/cli/src/main/java/dev/endpointguard/demo");
  private static final Path PLAN = Path.of("functions/core/src/main/java/dev/endpointguard/plan");
  private static final Set<String> READ_PREFIXES = Set.of("describe", "get", "list", "search");

  /** Ec2Client's calls that change something: every operation but the Describe/Get/List/Search reads. */
  private static Set<String> mutatingCalls() {
    Set<String> names = new TreeSet<>();
    for (Method m : Ec2Client.class.getMethods()) {
      boolean operation = !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1
          && m.getParameterTypes()[0].getSimpleName().endsWith("Request");
      if (operation && READ_PREFIXES.stream().noneMatch(m.getName()::startsWith)) {
        names.add(m.getName());
      }
    }
    return names;
  }

  @Test
  void mutatingEc2Calls_onlyInPlan() {
    Set<String> mutating = mutatingCalls();
    assertThat(mutating).contains("modifyVpcEndpoint", "modifyVpcAttribute", "authorizeSecurityGroupIngress",
        "revokeSecurityGroupIngress", "deleteVpcEndpoints", "createVpcEndpoint");
    Pattern call = Pattern.compile("\\.\\s*(" + String.join("|", mutating) + ")\\s*\\(");
    List<String> outside = new ArrayList<>();
    List<String> inPlan = new ArrayList<>();
    for (Path file : javaFiles(PRODUCT_SOURCES)) {
      if (file.startsWith(DEMO)) {
        continue;
      }
      Matcher m = call.matcher(read(file));
      while (m.find()) {
        (file.startsWith(PLAN) ? inPlan : outside).add(file.getFileName() + ": " + m.group(1));
      }
    }

    assertThat(outside).isEmpty();
    assertThat(inPlan).containsExactlyInAnyOrder("AddSubnets.java: modifyVpcEndpoint",
        "EnablePrivateDns.java: modifyVpcEndpoint", "EnableVpcDnsAttribute.java: modifyVpcAttribute",
        "NarrowPolicy.java: modifyVpcEndpoint", "ReplaceIngressSource.java: authorizeSecurityGroupIngress",
        "ReplaceIngressSource.java: revokeSecurityGroupIngress");
  }

  @Test
  void plan_importsNothingBuiltOnIt() {
    Pattern upward = Pattern.compile("^import dev\\.endpointguard\\.(report|rules|engine|alert|inventory|handler|"
        + "trigger|cli)\\.", Pattern.MULTILINE);
    List<String> found = new ArrayList<>();
    for (Path file : javaFiles(List.of(PLAN))) {
      Matcher m = upward.matcher(read(file));
      while (m.find()) {
        found.add(file.getFileName() + ": " + m.group(1));
      }
    }

    assertThat(found).isEmpty();
  }

  private static List<Path> javaFiles(List<Path> roots) {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
