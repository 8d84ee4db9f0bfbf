package dev.endpointguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Issue 11: the layering, enforced on the compiled classes of the product (core, lambda, cli, local-aws; no tests).
 * The flow runs one way — trigger → engine → sinks — and: core never uses lambda or cli; rules and policy are pure (no
 * SDK client, no clock, no environment); only the executor (plan) writes AWS, only the inventory reads it, and each
 * sink makes its own one call; there are no package cycles. docs/architecture.md draws the same picture.
 */
class ArchitectureTest {
  private static final String[] CORE = {"dev.endpointguard.model..", "dev.endpointguard.inventory..",
      "dev.endpointguard.policy..", "dev.endpointguard.rules..", "dev.endpointguard.plan..",
      "dev.endpointguard.report..", "dev.endpointguard.alert..", "dev.endpointguard.engine..",
      "dev.endpointguard.aws.."};
  private static final String[] LAMBDA = {"dev.endpointguard.trigger..", "dev.endpointguard.handler..",
      "dev.endpointguard.sink.."};
  private static final String[] OUTER = {"dev.endpointguard.cli..", "dev.endpointguard.demo..",
      "dev.endpointguard.local..", "dev.endpointguard.localaws.."};
  /** SDK operations that only read: Describe…, Get…, List…, Search…. */
  private static final Pattern READ = Pattern.compile("(describe|get|list|search).*");

  private static final JavaClasses PRODUCT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("-tests.jar"))
      .importPackages("dev.endpointguard");

  private static DescribedPredicate<JavaMethodCall> callTo(Class<?> client, boolean reads) {
    return DescribedPredicate.describe((reads ? "a read" : "a write") + " of " + client.getSimpleName(),
        call -> call.getTargetOwner().isAssignableTo(client)
            && READ.matcher(call.getName()).matches() == reads
            && call.getTarget().getRawParameterTypes().size() == 1);
  }

  @Test
  void core_neverUsesTheLambdaOrCliModules() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(concat(LAMBDA, OUTER))
        .check(PRODUCT);
  }

  @Test
  void lambdaModule_neverUsesTheCliOrTheLocalAws() {
    noClasses().that().resideInAnyPackage(LAMBDA)
        .should().dependOnClassesThat().resideInAnyPackage(OUTER)
        .check(PRODUCT);
  }

  @Test
  void rulesAndPolicy_arePure_noSdkClientNoClockNoEnvironment() {
    noClasses().that().resideInAnyPackage("dev.endpointguard.rules..", "dev.endpointguard.policy..")
        .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services..",
            "software.amazon.awssdk.core..", "software.amazon.awssdk.http..")
        .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
        .orShould().callMethod(System.class, "getenv", String.class)
        .orShould().callMethod(System.class, "getenv")
        .orShould().callMethod(Instant.class, "now")
        .orShould().callMethod(LocalDate.class, "now")
        .check(PRODUCT);
  }

  @Test
  void onlyTheExecutor_writesEc2() {
    noClasses().that().resideOutsideOfPackages("dev.endpointguard.plan..", "dev.endpointguard.demo..",
            "dev.endpointguard.localaws..")
        .should().callMethodWhere(callTo(Ec2Client.class, false))
        .check(PRODUCT);
  }

  @Test
  void onlyTheInventory_readsAws_besidesPrimingsStoppedWarmUp() {
    noClasses().that().resideOutsideOfPackages("dev.endpointguard.inventory..", "dev.endpointguard.demo..",
            "dev.endpointguard.localaws..")
        .and().doNotHaveFullyQualifiedName("dev.endpointguard.handler.Priming")
        .should().callMethodWhere(callTo(Ec2Client.class, true))
        .orShould().callMethodWhere(callTo(Route53Client.class, true))
        .orShould().callMethodWhere(callTo(OrganizationsClient.class, true))
        .orShould().callMethodWhere(callTo(StsClient.class, true))
        .check(PRODUCT);
  }

  @Test
  void eachSink_makesItsOwnCall_andNothingElseDoes() {
    // The demo seeds its own local AWS (topic, subscription) before the story runs; it is not a path to a user's AWS.
    noClasses().that().resideOutsideOfPackages("dev.endpointguard.sink..", "dev.endpointguard.demo..",
            "dev.endpointguard.localaws..")
        .should().callMethodWhere(callTo(SnsClient.class, false))
        .orShould().callMethodWhere(callTo(ConfigClient.class, false))
        .orShould().callMethodWhere(callTo(SecurityHubClient.class, false))
        .orShould().callMethodWhere(callTo(SqsClient.class, false))
        .check(PRODUCT);
  }

  /** Each change kind writes exactly the calls its record names; nothing in the executor writes anything else. */
  @Test
  void theExecutor_writesExactlyTheChangeKindsCalls() {
    Set<String> writes = PRODUCT.stream()
        .filter(c -> c.getPackageName().equals("dev.endpointguard.plan"))
        .flatMap(c -> c.getMethodCallsFromSelf().stream())
        .filter(callTo(Ec2Client.class, false))
        .map(call -> call.getOriginOwner().getSimpleName() + "." + call.getName())
        .collect(Collectors.toSet());
    assertThat(writes).containsExactlyInAnyOrder("AddSubnets.modifyVpcEndpoint",
        "EnablePrivateDns.modifyVpcEndpoint", "EnableVpcDnsAttribute.modifyVpcAttribute",
        "NarrowPolicy.modifyVpcEndpoint", "ReplaceIngressSource.authorizeSecurityGroupIngress",
        "ReplaceIngressSource.revokeSecurityGroupIngress", "RequireAcceptance.modifyVpcEndpointServiceConfiguration");
  }

  /** The rules above would pass vacuously if the predicates matched nothing; they match the calls they are about. */
  @Test
  void thePredicates_matchTheCallsTheyGuard() {
    assertThat(calls("dev.endpointguard.plan", callTo(Ec2Client.class, false))).contains("modifyVpcEndpoint");
    assertThat(calls("dev.endpointguard.inventory", callTo(Ec2Client.class, true)))
        .contains("describeVpcEndpoints", "describeSecurityGroups");
    assertThat(calls("dev.endpointguard.inventory", callTo(Route53Client.class, true)))
        .contains("listResourceRecordSets");
    assertThat(calls("dev.endpointguard.sink", callTo(SnsClient.class, false))).contains("publish");
    assertThat(calls("dev.endpointguard.sink", callTo(ConfigClient.class, false))).contains("putEvaluations");
    assertThat(calls("dev.endpointguard.sink", callTo(SecurityHubClient.class, false)))
        .contains("batchImportFindings");
    assertThat(calls("dev.endpointguard.sink", callTo(SqsClient.class, false))).contains("sendMessage");
  }

  private static Set<String> calls(String packageName, DescribedPredicate<JavaMethodCall> predicate) {
    return PRODUCT.stream()
        .filter(c -> c.getPackageName().startsWith(packageName))
        .flatMap(c -> c.getMethodCallsFromSelf().stream())
        .filter(predicate)
        .map(JavaMethodCall::getName)
        .collect(Collectors.toSet());
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.endpointguard.(*)..").should().beFreeOfCycles().check(PRODUCT);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
