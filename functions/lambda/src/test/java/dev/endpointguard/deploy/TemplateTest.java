package dev.endpointguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.engine.Settings;
import dev.endpointguard.handler.HandlerRuntime;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.RuleRegistry;
import dev.endpointguard.trigger.CloudTrailDecoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** template.yaml against the code: handlers, IAM (exactly what the code calls), settings, triggers and alarms. */
class TemplateTest {

  /** The EC2 calls ChangeEventFunction handles (the triggers issue names them). */
  /** The calls ChangeEventFunction decodes: EventBridge must send exactly those. */
  private static final List<String> CHANGE_EVENT_NAMES = CloudTrailDecoder.EVENT_NAMES;

  private static Map<String, Object> template;
  private static Map<String, Object> resources;

  @BeforeAll
  static void load() throws IOException {
    template = CloudFormationYaml.load(Path.of("template.yaml"));
    resources = map(template.get("Resources"));
  }

  @Test
  void functions_template_exactlyTheFourWithTheirHandlers() {
    Map<String, String> handlers = new LinkedHashMap<>();
    resourcesOfType("AWS::Serverless::Function").forEach((id, r) -> handlers.put(id, (String) props(r).get("Handler")));

    Map<String, String> expected = Arrays.stream(DeployedFunction.values())
        .collect(Collectors.toMap(DeployedFunction::logicalId, DeployedFunction::handler));
    assertThat(handlers).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(DeployedFunction.CHANGE_EVENT.handlerClass()).isEqualTo("dev.endpointguard.handler.ChangeEventHandler");
  }

  @Test
  void globals_function_java21Arm64SnapStartOnAliasJsonLogs() {
    Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));

    assertThat(globals).containsEntry("Runtime", "java21").containsEntry("CodeUri", ".")
        .containsEntry("AutoPublishAlias", "live").containsEntry("Architectures", List.of("arm64"))
        .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
    assertThat(map(globals.get("LoggingConfig"))).containsEntry("LogFormat", "JSON");
    assertThat(globals.get("MemorySize")).isInstanceOf(Integer.class);
  }

  @ParameterizedTest
  @EnumSource(DeployedFunction.class)
  void logGroup_eachFunction_ownGroupWithRetentionAndTimeout(DeployedFunction function) {
    Map<String, Object> props = props(resource(function.logicalId()));
    String logGroupId = (String) map(map(props.get("LoggingConfig")).get("LogGroup")).get("Ref");

    assertThat(type(resource(logGroupId))).isEqualTo("AWS::Logs::LogGroup");
    assertThat(props(resource(logGroupId)).get("RetentionInDays")).isInstanceOf(Integer.class);
    assertThat(props.get("Timeout")).isInstanceOf(Integer.class);
  }

  @ParameterizedTest
  @EnumSource(DeployedFunction.class)
  void iamActions_eachFunction_exactlyTheDeclaredSet(DeployedFunction function) {
    assertThat(grantedActions(function)).containsExactlyInAnyOrderElementsOf(FunctionPermissions.forFunction(function));
  }

  @ParameterizedTest
  @EnumSource(DeployedFunction.class)
  void role_eachFunction_ownRoleWithoutManagedOrSamPolicies(DeployedFunction function) {
    Map<String, Object> props = props(resource(function.logicalId()));

    assertThat(props).doesNotContainKey("Policies");
    assertThat(props(resource(roleId(function)))).doesNotContainKeys("ManagedPolicyArns", "PermissionsBoundary");
  }

  @Test
  void iamActions_allRoles_noWildcardAction() {
    for (DeployedFunction function : DeployedFunction.values()) {
      assertThat(grantedActions(function)).as(function.logicalId()).noneMatch(a -> a.contains("*"));
    }
  }

  @Test
  void writes_remediatingRoles_scopedToResourceArnsNotStar() {
    Set<String> writes = FunctionPermissions.remediationWrites();
    List<Map<String, Object>> writeStatements = new ArrayList<>();
    for (DeployedFunction function : DeployedFunction.values()) {
      for (Map<String, Object> statement : allowStatements(roleId(function))) {
        if (actions(statement).stream().anyMatch(writes::contains)) {
          writeStatements.add(statement);
        }
      }
    }

    assertThat(writeStatements).isNotEmpty().allSatisfy(s -> {
      assertThat(s.get("Resource")).isNotEqualTo("*");
      assertThat(list(s.get("Resource"))).isNotEmpty().noneMatch("*"::equals);
    });
  }

  @Test
  void environment_everyFunction_coversEverySettingsVariable() {
    Set<String> expected = new TreeSet<>(List.of(Settings.ENV_MIN_AZS, Settings.ENV_TRUSTED_ACCOUNT_IDS,
        Settings.ENV_TRUSTED_ORG_IDS, Settings.ENV_AZ_HOUR_PRICE_USD, Settings.ENV_ALERT_TOPIC_ARN,
        HandlerRuntime.ENV_SECURITY_HUB,
        "POWERTOOLS_SERVICE_NAME", "POWERTOOLS_METRICS_NAMESPACE"));
    Arrays.stream(RuleId.values()).map(Settings::modeVariable).forEach(expected::add);

    for (DeployedFunction function : DeployedFunction.values()) {
      assertThat(environment(function).keySet()).as(function.logicalId()).containsAll(expected);
      assertThat(environment(function)).containsEntry("POWERTOOLS_METRICS_NAMESPACE", "EndpointGuard");
    }
  }

  @Test
  void modeParameters_everyRule_offAlertRemediateDefaultAlert() {
    Map<String, Object> parameters = map(template.get("Parameters"));
    Map<String, Object> env = environment(DeployedFunction.SWEEP);

    for (RuleId rule : RuleId.values()) {
      String parameter = (String) map(env.get(Settings.modeVariable(rule))).get("Ref");
      Map<String, Object> declared = map(parameters.get(parameter));
      assertThat(declared.get("AllowedValues")).as(parameter).isEqualTo(List.of("off", "alert", "remediate"));
      assertThat(declared.get("Default")).as(parameter).isEqualTo("alert");
    }
  }

  /** Issue 12: off by default; when on, each role may import findings into its own default product, nothing else. */
  @Test
  void securityHub_enableSecurityHub_offByDefaultAndOnlyTheDefaultProductWhenOn() {
    Map<String, Object> parameter = map(map(template.get("Parameters")).get("EnableSecurityHub"));
    assertThat(parameter).containsEntry("Default", "false").containsEntry("AllowedValues", List.of("true", "false"));
    assertThat(map(template.get("Conditions")).get("SecurityHubEnabled"))
        .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "EnableSecurityHub"), "true")));
    assertThat(environment(DeployedFunction.SWEEP).get(HandlerRuntime.ENV_SECURITY_HUB))
        .isEqualTo(Map.of("Fn::If", List.of("SecurityHubEnabled", "on", "off")));
    Object defaultProduct = Map.of("Fn::Sub", "arn:${AWS::Partition}:securityhub:${AWS::Region}:${AWS::AccountId}"
        + ":product/${AWS::AccountId}/default");

    for (DeployedFunction function : DeployedFunction.values()) {
      List<Map<String, Object>> conditional = new ArrayList<>();
      for (Object policy : list(props(resource(roleId(function))).get("Policies"))) {
        for (Object entry : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
          Map<String, Object> statement = map(entry);
          if (statement.containsKey("Fn::If") && actions(map(list(statement.get("Fn::If")).get(1)))
              .stream().anyMatch(a -> a.startsWith("securityhub:"))) {
            assertThat(list(statement.get("Fn::If")).get(0)).isEqualTo("SecurityHubEnabled");
            assertThat(list(statement.get("Fn::If")).get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
            conditional.add(map(list(statement.get("Fn::If")).get(1)));
          }
        }
      }
      assertThat(conditional).as(function.logicalId()).singleElement().satisfies(s -> {
        assertThat(actions(s)).containsExactly("securityhub:BatchImportFindings");
        assertThat(s.get("Resource")).isEqualTo(defaultProduct);
      });
      assertThat(allowStatements(roleId(function))).as(function.logicalId())
          .filteredOn(s -> actions(s).stream().anyMatch(a -> a.startsWith("securityhub:"))).hasSize(1);
    }
  }

  @Test
  void configRules_everyRuleId_customLambdaRuleWithRuleParameterChangeAndPeriodic() {
    Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    resourcesOfType("AWS::Config::ConfigRule").values()
        .forEach(r -> byName.put((String) props(r).get("ConfigRuleName"), props(r)));

    assertThat(byName).hasSize(RuleId.values().length);
    for (RuleId rule : RuleId.values()) {
      Map<String, Object> props = byName.get("endpoint-guard-" + rule.id());
      assertThat(props).as(rule.id()).isNotNull();
      assertThat(props.get("InputParameters")).isEqualTo(Map.of("rule", rule.id()));
      // Each Config rule is scoped to what its rule judges (endpoints, VPCs, endpoint services).
      ResourceType scope = RuleRegistry.standard().get(rule).resourceType();
      assertThat(map(props.get("Scope")).get("ComplianceResourceTypes")).isEqualTo(List.of(scope.configName()));
      Map<String, Object> source = map(props.get("Source"));
      assertThat(source).containsEntry("Owner", "CUSTOM_LAMBDA")
          .containsEntry("SourceIdentifier", Map.of("Ref", "ConfigRuleFunction.Alias"));
      assertThat(list(source.get("SourceDetails")).stream().map(d -> map(d).get("MessageType")))
          .containsExactlyInAnyOrder("ConfigurationItemChangeNotification",
              "OversizedConfigurationItemChangeNotification", "ScheduledNotification");
    }
  }

  @Test
  void configInvokePermission_configService_boundToThisAccount() {
    List<Map<String, Object>> permissions = resourcesOfType("AWS::Lambda::Permission").values().stream()
        .map(TemplateTest::props).filter(p -> "config.amazonaws.com".equals(p.get("Principal"))).toList();

    assertThat(permissions).singleElement().satisfies(p -> {
      assertThat(p).containsEntry("SourceAccount", Map.of("Ref", "AWS::AccountId"));
      assertThat(p).containsEntry("FunctionName", Map.of("Ref", "ConfigRuleFunction.Alias"));
    });
  }

  @Test
  void changeEventRule_cloudTrailPattern_ourEventNamesAndNoErrorCode() {
    Map<String, Object> pattern = patternTargeting(DeployedFunction.CHANGE_EVENT);
    Map<String, Object> detail = map(pattern.get("detail"));

    assertThat(pattern).containsEntry("source", List.of("aws.ec2"))
        .containsEntry("detail-type", List.of("AWS API Call via CloudTrail"));
    assertThat(list(detail.get("eventName"))).containsExactlyInAnyOrderElementsOf(CHANGE_EVENT_NAMES);
    assertThat(detail.get("errorCode")).isEqualTo(List.of(Map.of("exists", false)));
  }

  @Test
  void complianceChangeRule_configPattern_ourRuleNamesTurningNonCompliant() {
    Map<String, Object> pattern = patternTargeting(DeployedFunction.COMPLIANCE_REMEDIATION);
    Map<String, Object> detail = map(pattern.get("detail"));

    assertThat(pattern).containsEntry("source", List.of("aws.config"))
        .containsEntry("detail-type", List.of("Config Rules Compliance Change"));
    assertThat(list(detail.get("configRuleName"))).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(RuleId.values()).map(r -> "endpoint-guard-" + r.id()).toList());
    assertThat(map(detail.get("newEvaluationResult"))).containsEntry("complianceType", List.of("NON_COMPLIANT"));
  }

  @Test
  void sweepFunction_scheduleEvent_fromSweepScheduleDefaultTwelveHours() {
    Map<String, Object> events = map(props(resource(DeployedFunction.SWEEP.logicalId())).get("Events"));
    Map<String, Object> schedule = map(events.values().iterator().next());

    assertThat(schedule.get("Type")).isEqualTo("Schedule");
    assertThat(map(schedule.get("Properties"))).containsEntry("Schedule", Map.of("Ref", "SweepSchedule"));
    assertThat(map(map(template.get("Parameters")).get("SweepSchedule"))).containsEntry("Default", "rate(12 hours)");
  }

  /** Issue 13: a sweep short of time hands the VPCs it did not start to its own queue, which invokes it again. */
  @Test
  void sweepQueue_fifoWithDeadLetterQueue_invokesTheSweepOneMessageAtATime() {
    Map<String, Object> sweep = props(resource(DeployedFunction.SWEEP.logicalId()));
    Map<String, Object> queue = props(resource("SweepQueue"));
    Map<String, Object> deadLetters = props(resource("SweepDeadLetterQueue"));
    Object queueArn = Map.of("Fn::GetAtt", List.of("SweepQueue", "Arn"));

    assertThat(environment(DeployedFunction.SWEEP)).containsEntry("SWEEP_QUEUE_URL", Map.of("Ref", "SweepQueue"));
    for (DeployedFunction other : DeployedFunction.values()) {
      if (other != DeployedFunction.SWEEP) {
        assertThat(environment(other)).as(other.logicalId()).doesNotContainKey("SWEEP_QUEUE_URL");
      }
    }
    Map<String, Object> events = map(sweep.get("Events"));
    assertThat(events.values().stream().map(e -> map(e).get("Type"))).containsExactly("Schedule", "SQS");
    Map<String, Object> continueEvent = map(map(events.get("Continue")).get("Properties"));
    assertThat(continueEvent).containsEntry("Queue", queueArn).containsEntry("BatchSize", 1);
    assertThat(queue).containsEntry("FifoQueue", true).containsEntry("ContentBasedDeduplication", true)
        .containsEntry("SqsManagedSseEnabled", true);
    // Lambda asks for a visibility timeout of at least six times the function's timeout.
    assertThat((Integer) queue.get("VisibilityTimeout")).isGreaterThanOrEqualTo(6 * (Integer) sweep.get("Timeout"));
    assertThat(map(queue.get("RedrivePolicy"))).containsEntry("deadLetterTargetArn",
        Map.of("Fn::GetAtt", List.of("SweepDeadLetterQueue", "Arn")));
    assertThat(deadLetters).containsEntry("FifoQueue", true).containsEntry("SqsManagedSseEnabled", true);
  }

  /** Issue 13: the sweep's queue actions are granted on that queue only; no other role may use it. */
  @Test
  void sweepQueue_actions_onlyTheSweepsRoleOnlyOnItsQueue() {
    Object queueArn = Map.of("Fn::GetAtt", List.of("SweepQueue", "Arn"));
    for (DeployedFunction function : DeployedFunction.values()) {
      List<Map<String, Object>> onQueue = allowStatements(roleId(function)).stream()
          .filter(s -> list(s.get("Resource")).contains(queueArn)).toList();
      if (function == DeployedFunction.SWEEP) {
        assertThat(onQueue.stream().flatMap(s -> actions(s).stream()))
            .containsExactlyInAnyOrderElementsOf(FunctionPermissions.SWEEP_QUEUE);
        assertThat(onQueue).allSatisfy(s -> assertThat(list(s.get("Resource"))).containsExactly(queueArn));
      } else {
        assertThat(onQueue).as(function.logicalId()).isEmpty();
      }
    }
    assertThat(allowStatements(roleId(DeployedFunction.SWEEP)))
        .filteredOn(s -> actions(s).stream().anyMatch(a -> a.startsWith("sqs:")))
        .allSatisfy(s -> assertThat(list(s.get("Resource"))).containsAnyOf(queueArn,
            Map.of("Fn::GetAtt", List.of("FailedEventsQueue", "Arn"))));
  }

  @Test
  void failedEvents_asyncFunctions_goToAnEncryptedQueue() {
    Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
    Map<String, Object> onFailure = map(map(map(globals.get("EventInvokeConfig")).get("DestinationConfig"))
        .get("OnFailure"));

    assertThat(onFailure).containsEntry("Type", "SQS")
        .containsEntry("Destination", Map.of("Fn::GetAtt", List.of("FailedEventsQueue", "Arn")));
    assertThat(props(resource("FailedEventsQueue"))).containsEntry("SqsManagedSseEnabled", true);
  }

  @Test
  void alertTopic_created_encryptedWithCustomerKeyCloudWatchMayUse() {
    Map<String, Object> topic = props(resource("AlertTopic"));
    Map<String, Object> keyPolicy = map(props(resource("AlertTopicKey")).get("KeyPolicy"));

    assertThat(topic).containsEntry("KmsMasterKeyId", Map.of("Fn::GetAtt", List.of("AlertTopicKey", "Arn")));
    assertThat(statements(keyPolicy)).anySatisfy(s -> {
      assertThat(s.get("Principal")).isEqualTo(Map.of("Service", "cloudwatch.amazonaws.com"));
      assertThat(actions(s)).contains("kms:Decrypt");
    });
  }

  @Test
  void alarms_errorsDeadLetterQueueAndFailedRemediations_sendToTheTopic() {
    Map<String, Map<String, Object>> alarms = new LinkedHashMap<>();
    resourcesOfType("AWS::CloudWatch::Alarm").forEach((id, r) -> alarms.put(id, props(r)));
    Object topic = Map.of("Fn::If", List.of("CreateTopic", Map.of("Ref", "AlertTopic"), Map.of("Ref", "AlertTopicArn")));

    Set<String> erroringFunctions = alarms.values().stream().filter(a -> "Errors".equals(a.get("MetricName")))
        .map(a -> (String) map(map(list(a.get("Dimensions")).get(0)).get("Value")).get("Ref"))
        .collect(Collectors.toSet());
    assertThat(erroringFunctions).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(DeployedFunction.values()).map(DeployedFunction::logicalId).toList());
    assertThat(alarms.values()).anyMatch(a -> "ApproximateNumberOfMessagesVisible".equals(a.get("MetricName")));
    assertThat(alarms.values()).anyMatch(a -> a.containsKey("Metrics")
        && String.valueOf(map(list(a.get("Metrics")).get(0)).get("Expression"))
        .equals("SELECT SUM(RemediationsFailed) FROM EndpointGuard"));
    assertThat(alarms.values()).anyMatch(a -> a.containsKey("Metrics")
        && String.valueOf(map(list(a.get("Metrics")).get(0)).get("Expression"))
        .equals("SELECT SUM(SweepVpcsNotHandedOver) FROM EndpointGuard"));
    assertThat(alarms.values()).anyMatch(a -> "ApproximateNumberOfMessagesVisible".equals(a.get("MetricName"))
        && map(list(a.get("Dimensions")).get(0)).get("Value")
        .equals(Map.of("Fn::GetAtt", List.of("SweepDeadLetterQueue", "QueueName"))));
    assertThat(alarms.values()).allSatisfy(a -> assertThat(a.get("AlarmActions")).isEqualTo(List.of(topic)));
  }

  // ---------------------------------------------------------------- template reading

  private static Set<String> grantedActions(DeployedFunction function) {
    Set<String> actions = new TreeSet<>();
    allowStatements(roleId(function)).forEach(s -> actions.addAll(actions(s)));
    return actions;
  }

  private static String roleId(DeployedFunction function) {
    Map<String, Object> role = map(props(resource(function.logicalId())).get("Role"));
    return (String) list(role.get("Fn::GetAtt")).get(0);
  }

  /** Every Allow statement of the role's inline policies; both branches of a conditional statement count. */
  private static List<Map<String, Object>> allowStatements(String roleId) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Object policy : list(props(resource(roleId)).get("Policies"))) {
      for (Map<String, Object> statement : statements(map(map(policy).get("PolicyDocument")))) {
        if ("Allow".equals(statement.get("Effect"))) {
          result.add(statement);
        }
      }
    }
    return result;
  }

  private static List<Map<String, Object>> statements(Map<String, Object> document) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Object entry : list(document.get("Statement"))) {
      Map<String, Object> statement = map(entry);
      if (statement.containsKey("Fn::If")) {
        list(statement.get("Fn::If")).subList(1, 3).stream().map(TemplateTest::map)
            .filter(branch -> branch.containsKey("Effect")).forEach(result::add);
      } else {
        result.add(statement);
      }
    }
    return result;
  }

  private static List<String> actions(Map<String, Object> statement) {
    return list(statement.get("Action")).stream().map(String::valueOf).toList();
  }

  private static Map<String, Object> environment(DeployedFunction function) {
    Map<String, Object> env = new LinkedHashMap<>();
    Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
    env.putAll(variables(globals));
    env.putAll(variables(props(resource(function.logicalId()))));
    return env;
  }

  private static Map<String, Object> variables(Map<String, Object> functionProperties) {
    Object environment = functionProperties.get("Environment");
    return environment == null ? Map.of() : map(map(environment).get("Variables"));
  }

  private static Map<String, Object> patternTargeting(DeployedFunction function) {
    Object alias = Map.of("Ref", function.logicalId() + ".Alias");
    List<Map<String, Object>> rules = resourcesOfType("AWS::Events::Rule").values().stream().map(TemplateTest::props)
        .filter(p -> list(p.get("Targets")).stream().anyMatch(t -> alias.equals(map(t).get("Arn")))).toList();
    assertThat(rules).as("rules targeting " + function.logicalId()).hasSize(1);
    return map(rules.get(0).get("EventPattern"));
  }

  private static Map<String, Map<String, Object>> resourcesOfType(String type) {
    Map<String, Map<String, Object>> found = new LinkedHashMap<>();
    resources.forEach((id, r) -> {
      if (type.equals(type(map(r)))) {
        found.put(id, map(r));
      }
    });
    return found;
  }

  private static Map<String, Object> resource(String logicalId) {
    assertThat(resources).as("resource " + logicalId).containsKey(logicalId);
    return map(resources.get(logicalId));
  }

  private static String type(Map<String, Object> resource) {
    return (String) resource.get("Type");
  }

  private static Map<String, Object> props(Map<String, Object> resource) {
    return map(resource.get("Properties"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  /** A YAML value that may be one item or a list of them, as IAM and CloudFormation allow. */
  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of(value);
  }
}
