package dev.endpointguard.plan;

import dev.endpointguard.aws.AwsErrors;
import dev.endpointguard.model.Estate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * The only code that writes AWS. Applies one evaluation's plan, one change at a time, one write per change (two for
 * a security group source: authorize, then revoke), each after a fresh read of the resource that the change judges
 * ({@link Change#beforeWrite}: write the missing part, already in effect, or skip); the change makes its calls
 * ({@link Change#write}) through the executor's counting {@link Ec2Writer}. Then re-reads and verifies each written
 * change ({@link Change#notInEffect}), waiting ({@link Settling}) for what does not show yet. Idempotent: a change
 * already in effect is not written again. Retries are the SDK's (configured in the client); what survives them as
 * throttling or a server error is thrown as {@link RetryableAwsException}. Not thread-safe: one executor per
 * invocation thread.
 */
public final class Executor {
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
  static final String DUPLICATE_SUBNETS_IN_SAME_ZONE = "DuplicateSubnetsInSameZone";
  private static final String NOT_IN_EFFECT = "applied but not in effect: ";

  private final Ec2Writer writes;
  private final LiveState live;
  private final Settling settling;

  /** With {@link Settling#standard()}: a change that does not show at once is re-read after 1, 2 and 4 s. */
  public Executor(Ec2Client ec2, LiveState live) {
    this(ec2, live, Settling.standard());
  }

  public Executor(Ec2Client ec2, LiveState live, Settling settling) {
    this.writes = new Ec2Writer(Objects.requireNonNull(ec2, "ec2"));
    this.live = Objects.requireNonNull(live, "live");
    this.settling = Objects.requireNonNull(settling, "settling");
  }

  /** AWS write calls this executor has made, failed ones included. */
  public int writes() {
    return writes.count();
  }

  /**
   * Applies the plan if {@link SafetyCheck} accepts it against the estate it was made from; otherwise writes nothing
   * and returns SKIPPED with the violation.
   */
  public ExecutionResult applyIfSafe(List<Change> plan, Estate evaluated, SafetyCheck safety) {
    Optional<String> violation = safety.violation(plan, evaluated);
    return violation.isPresent() ? ExecutionResult.skipped(plan, "unsafe plan: " + violation.get()) : apply(plan);
  }

  /**
   * Applies one evaluation's plan. A FAILED or SKIPPED change stops the plan: the remaining changes are
   * NOT_ATTEMPTED (later changes may depend on earlier ones, e.g. private DNS on the VPC's DNS attributes).
   *
   * @throws RetryableAwsException when AWS throttles or fails on its side beyond the SDK's retries
   */
  public ExecutionResult apply(List<Change> plan) {
    int before = writes.count();
    List<ChangeResult> results = new ArrayList<>();
    boolean stopped = false;
    for (Change change : plan) {
      ChangeResult result;
      try {
        result = stopped ? ChangeResult.of(change, Outcome.NOT_ATTEMPTED) : applyOne(change);
      } catch (RetryableAwsException e) {
        throw e.after(results);
      }
      stopped = stopped || result.outcome() == Outcome.FAILED || result.outcome() == Outcome.SKIPPED;
      results.add(result);
    }
    try {
      return ExecutionResult.of(verify(results), writes.count() - before);
    } catch (RetryableAwsException e) {
      throw e.after(results);
    }
  }

  /**
   * Re-reads every APPLIED change; what does not show yet is read again after each of the settling waits, and what
   * still does not show after the last is FAILED ("applied but not in effect"). Never writes.
   */
  private List<ChangeResult> verify(List<ChangeResult> results) {
    List<ChangeResult> verified = new ArrayList<>(results);
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < verified.size(); i++) {
      if (verified.get(i).outcome() == Outcome.APPLIED) {
        pending.add(i);
      }
    }
    Iterator<Duration> waits = settling.waits().iterator();
    while (true) {
      List<Integer> notShown = new ArrayList<>();
      for (int i : pending) {
        Change change = verified.get(i).change();
        try {
          Optional<String> missing = change.notInEffect(live);
          verified.set(i, missing.map(m -> ChangeResult.of(change, Outcome.FAILED, NOT_IN_EFFECT + m))
              .orElseGet(() -> ChangeResult.of(change, Outcome.APPLIED)));
          missing.ifPresent(m -> notShown.add(i));
        } catch (SdkException e) {
          verified.set(i, ChangeResult.of(change, Outcome.FAILED, "could not verify: " + failure(change, e)));
        }
      }
      if (notShown.isEmpty() || !waits.hasNext() || !pause(waits.next())) {
        return List.copyOf(verified);
      }
      pending = notShown;
    }
  }

  private boolean pause(Duration wait) {
    try {
      settling.sleeper().sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private ChangeResult applyOne(Change change) {
    try {
      LiveDecision decision = change.beforeWrite(live);
      return switch (decision.action()) {
        case SKIP -> ChangeResult.of(change, Outcome.SKIPPED, decision.reason());
        case ALREADY_IN_EFFECT -> ChangeResult.of(change, Outcome.ALREADY_IN_EFFECT);
        case WRITE -> write(change, decision.write().orElse(change));
      };
    } catch (SdkException e) {
      return ChangeResult.of(change, Outcome.FAILED, failure(change, e));
    }
  }

  private ChangeResult write(Change change, Change missingPart) {
    try {
      missingPart.write(writes);
      return ChangeResult.of(change, Outcome.APPLIED);
    } catch (Ec2Exception e) {
      String code = Ec2Writer.errorCode(e);
      // A racing invocation covered the AZ between our read and our write: the change holds, count it done.
      if (DUPLICATE_SUBNETS_IN_SAME_ZONE.equals(code) && change.notInEffect(live).isEmpty()) {
        return ChangeResult.of(change, Outcome.ALREADY_IN_EFFECT, "applied concurrently by another invocation");
      }
      return ChangeResult.of(change, Outcome.FAILED, failure(change, e));
    }
  }

  /**
   * {@code errorCode: message} for this change's result; throttling and server errors that outlived the SDK's
   * retries are thrown instead, so the caller (Lambda) retries the whole event: the changes already written are then
   * found in effect and not written twice.
   */
  private static String failure(Change change, SdkException e) {
    if (AwsErrors.retryable(e)) {
      throw new RetryableAwsException(change.describe(), e);
    }
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      return s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

}
