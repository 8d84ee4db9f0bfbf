package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.model.AccountRegion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * EventBridge "AWS API Call via CloudTrail" events from aws.ec2 → the endpoints, VPCs, security groups or endpoint
 * services to re-evaluate. Failed calls (with {@code errorCode}) changed nothing and are {@link Ignored}.
 * https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-ec2.html
 */
public final class CloudTrailDecoder extends EventDecoder {
  public static final String DETAIL_TYPE = "AWS API Call via CloudTrail";
  public static final String SOURCE = "aws.ec2";

  /**
   * The calls that can cause a finding. Left out on purpose: route changes (a subnet turning public does not make
   * an endpoint non-compliant), revoking ingress and removing groups (they only narrow), DeleteSubnet (a subnet
   * holding an endpoint's interface cannot be deleted).
   */
  public static final List<String> EVENT_NAMES = List.of(
      "CreateVpcEndpoint", "ModifyVpcEndpoint", "DeleteVpcEndpoints", "ModifyVpcAttribute",
      "AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules", "CreateSubnet",
      "CreateVpcEndpointServiceConfiguration", "ModifyVpcEndpointServiceConfiguration",
      "ModifyVpcEndpointServicePermissions");

  private static final String EVENT_SOURCE = "ec2.amazonaws.com";

  private final AccountRegion scope;

  public CloudTrailDecoder(AccountRegion scope) {
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  @Override
  protected Decoded decodeEvent(JsonNode event) {
    JsonNode detail = EventBridgeEnvelope.open(event, scope, DETAIL_TYPE, SOURCE).detail();
    String eventName = EventFields.text(detail, "eventName", "detail.eventName");
    if (!EVENT_NAMES.contains(eventName)) {
      return new Rejected("unknown event name " + OneLine.quote(eventName) + "; handled: "
          + String.join(", ", EVENT_NAMES));
    }
    Optional<String> eventSource = EventFields.optionalText(detail, "eventSource", "detail.eventSource");
    if (eventSource.isPresent() && !EVENT_SOURCE.equals(eventSource.get())) {
      return new Rejected("detail.eventSource " + OneLine.quote(eventSource.get()) + " is not " + EVENT_SOURCE);
    }
    EventBridgeEnvelope.requireHome(scope,
        EventFields.optionalText(detail, "recipientAccountId", "detail.recipientAccountId").orElse(scope.account()),
        EventFields.optionalText(detail, "awsRegion", "detail.awsRegion").orElse(scope.region()), "in detail ");
    Optional<String> errorCode = EventFields.optionalText(detail, "errorCode", "detail.errorCode");
    if (errorCode.isPresent()) {
      return new Ignored(eventName + " failed with " + OneLine.quote(errorCode.get()) + ": nothing changed");
    }
    String eventId = EventFields.text(detail, "eventID", "detail.eventID");
    EventFields.instant(detail, "eventTime", "detail.eventTime"); // checked, not kept
    Caller caller = EventFields.optionalObject(detail, "userIdentity", "detail.userIdentity")
        .map(CloudTrailDecoder::caller).orElse(Caller.unknown());
    return Ec2ChangeReader.read(new CloudTrailCall(eventId, eventName, caller), detail);
  }

  private static Caller caller(JsonNode identity) {
    String path = "detail.userIdentity";
    Optional<String> issuer = EventFields.optionalObject(identity, "sessionContext", path + ".sessionContext")
        .flatMap(c -> EventFields.optionalObject(c, "sessionIssuer", path + ".sessionContext.sessionIssuer"))
        .flatMap(i -> EventFields.optionalText(i, "arn", path + ".sessionContext.sessionIssuer.arn"));
    Caller caller = new Caller(EventFields.optionalText(identity, "type", path + ".type").orElse("Unknown"),
        EventFields.optionalText(identity, "arn", path + ".arn"), issuer);
    EventFields.optionalText(identity, "invokedBy", path + ".invokedBy"); // checked, not kept
    return caller;
  }
}
