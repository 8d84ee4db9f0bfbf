package dev.endpointguard.handler;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The four functions of template.yaml by logical id, and how to build each one's handler over a runtime. */
public enum Functions {
  CHANGE_EVENT("ChangeEventFunction", ChangeEventHandler.class, ChangeEventHandler::new),
  CONFIG_RULE("ConfigRuleFunction", ConfigRuleHandler.class, ConfigRuleHandler::new),
  COMPLIANCE_REMEDIATION("ComplianceRemediationFunction", ComplianceRemediationHandler.class,
      ComplianceRemediationHandler::new),
  SWEEP("SweepFunction", SweepHandler.class, SweepHandler::new);

  private final String logicalId;
  private final Class<? extends RequestStreamHandler> handlerClass;
  private final Function<HandlerRuntime, RequestStreamHandler> factory;

  Functions(String logicalId, Class<? extends RequestStreamHandler> handlerClass,
            Function<HandlerRuntime, RequestStreamHandler> factory) {
    this.logicalId = logicalId;
    this.handlerClass = handlerClass;
    this.factory = factory;
  }

  public String logicalId() {
    return logicalId;
  }

  public Class<? extends RequestStreamHandler> handlerClass() {
    return handlerClass;
  }

  /** The handler over {@code runtime}: what Lambda builds with the no-argument constructor, for the CLI and tests. */
  public RequestStreamHandler create(HandlerRuntime runtime) {
    return factory.apply(runtime);
  }

  /** The function with this logical id (case-insensitive); an unknown id is an error that lists the valid ones. */
  public static Functions byLogicalId(String logicalId) {
    String wanted = logicalId == null ? "" : logicalId.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.logicalId.toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown function '" + logicalId + "'; valid: "
            + validIds()));
  }

  public static String validIds() {
    return Arrays.stream(values()).map(Functions::logicalId).collect(Collectors.joining(", "));
  }
}
