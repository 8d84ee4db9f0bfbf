package dev.endpointguard.trigger;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The invocations of a Config custom rule this project handles.
 * https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html
 */
public enum ConfigMessageType {
  CONFIGURATION_ITEM_CHANGE("ConfigurationItemChangeNotification"),
  /** The item is too large for the event: only a summary arrives, and the resource is re-read. */
  OVERSIZED_CONFIGURATION_ITEM_CHANGE("OversizedConfigurationItemChangeNotification"),
  SCHEDULED("ScheduledNotification");

  private final String awsName;

  ConfigMessageType(String awsName) {
    this.awsName = awsName;
  }

  public String awsName() {
    return awsName;
  }

  static Optional<ConfigMessageType> find(String awsName) {
    return Arrays.stream(values()).filter(t -> t.awsName.equals(awsName)).findFirst();
  }

  static String validNames() {
    return Arrays.stream(values()).map(ConfigMessageType::awsName).collect(Collectors.joining(", "));
  }
}
