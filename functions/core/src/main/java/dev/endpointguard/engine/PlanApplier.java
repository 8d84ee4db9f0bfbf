package dev.endpointguard.engine;

import dev.endpointguard.inventory.Inventory;
import dev.endpointguard.inventory.InventoryResult;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.ResourceIdFormat;
import dev.endpointguard.model.Targets;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.ChangeResult;
import dev.endpointguard.plan.ExecutionResult;
import dev.endpointguard.plan.Executor;
import dev.endpointguard.plan.LiveState;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.plan.PlanDrift;
import dev.endpointguard.plan.RetryableAwsException;
import dev.endpointguard.plan.SafetyCheck;
import dev.endpointguard.report.PlanFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Applies exactly the changes of a plan file ({@code apply PLAN_FILE}), never re-planning. It refuses a plan for
 * another account or Region before anything is read ({@link #refusal}); then reads the current state of every
 * resource the plan names (the inventory, once) and, plan by plan and change by change in file order:
 * <ul>
 *   <li>the resource is gone: SKIPPED, and the rest of that plan is NOT_ATTEMPTED;</li>
 *   <li>its state differs from the change's {@code expect} ({@link PlanDrift}): ALREADY_IN_EFFECT when the change
 *       holds anyway (a plan applied before), otherwise SKIPPED with the difference, and the rest of the plan is
 *       NOT_ATTEMPTED;</li>
 *   <li>as expected: the {@link SafetyCheck} on the state read now (after the plan's earlier changes), then the
 *       {@link Executor} (re-read, write, verify), the only writes.</li>
 * </ul>
 * A plan is the changes of one evaluation (same rule and resource): later changes of a plan may depend on earlier
 * ones (private DNS on the VPC's DNS attributes), so a change that is not applied stops its plan, as in a scan.
 */
public final class PlanApplier {
  private static final String EARLIER = "an earlier change of the same plan was not applied";

  private final Inventory inventory;
  private final Executor executor;
  private final LiveState live;
  private final SafetyCheck safety;

  /**
   * @param live what {@code executor} reads too: asked whether a change whose resource changed since the plan is in
   *             effect anyway
   */
  public PlanApplier(Inventory inventory, Executor executor, LiveState live, SafetyCheck safety) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.live = Objects.requireNonNull(live, "live");
    this.safety = Objects.requireNonNull(safety, "safety");
  }

  /**
   * Why this plan must not be applied with these credentials and Region, or empty when it may: the Region in use
   * (checked first, without a call) and the credentials' account (STS GetCallerIdentity, once) must be the plan's.
   * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
   */
  public Optional<String> refusal(PlanFile plan) {
    if (!plan.region().equals(inventory.region())) {
      return Optional.of("the plan is for Region " + plan.region() + ", the Region in use is " + inventory.region()
          + " (pass --region " + plan.region() + ")");
    }
    String account = inventory.accountId();
    if (!plan.account().equals(account)) {
      return Optional.of("the plan is for account " + plan.account() + ", the credentials are for account " + account);
    }
    return Optional.empty();
  }

  /**
   * Applies the plan as described above.
   *
   * @throws IllegalStateException when {@link #refusal} refuses the plan
   */
  public ApplyResult apply(PlanFile plan) {
    refusal(plan).ifPresent(why -> {
      throw new IllegalStateException(why);
    });
    InventoryResult read = inventory.load(targets(plan), false);
    Estate now = read.estate();
    Map<String, List<PlanFile.Entry>> plans = new LinkedHashMap<>();
    plan.changes().forEach(e -> plans.computeIfAbsent(e.rule().id() + " " + e.resourceId(), k -> new ArrayList<>())
        .add(e));
    List<ApplyResult.Applied> results = new ArrayList<>();
    plans.values().forEach(entries -> results.addAll(applyPlan(entries, now)));
    return new ApplyResult(plan, results, read.problems());
  }

  private List<ApplyResult.Applied> applyPlan(List<PlanFile.Entry> entries, Estate now) {
    List<ApplyResult.Applied> results = new ArrayList<>();
    List<Change> earlier = new ArrayList<>();
    Optional<ApplyResult.Applied> stoppedBy = Optional.empty();
    for (PlanFile.Entry entry : entries) {
      Change change = entry.change();
      if (stoppedBy.isPresent()) {
        results.add(new ApplyResult.Applied(entry, ChangeResult.of(change, Outcome.NOT_ATTEMPTED, EARLIER),
            stoppedBy.get().gone()));
        continue;
      }
      ApplyResult.Applied done = applyOne(entry, earlier, now);
      results.add(done);
      Outcome outcome = done.result().outcome();
      if (outcome == Outcome.APPLIED || outcome == Outcome.ALREADY_IN_EFFECT) {
        earlier.add(change);
      } else {
        stoppedBy = Optional.of(done);
      }
    }
    return results;
  }

  private ApplyResult.Applied applyOne(PlanFile.Entry entry, List<Change> earlier, Estate now) {
    Change change = entry.change();
    PlanDrift drift = PlanDrift.check(change, entry.expect(), now);
    try {
      if (drift.verdict() == PlanDrift.Verdict.GONE) {
        return new ApplyResult.Applied(entry, ChangeResult.of(change, Outcome.SKIPPED, drift.reason()), true);
      }
      if (drift.verdict() == PlanDrift.Verdict.CHANGED) {
        // Changed since the plan: done already (this plan applied before), or someone else's change to keep.
        return new ApplyResult.Applied(entry, change.notInEffect(live).isEmpty()
            ? ChangeResult.of(change, Outcome.ALREADY_IN_EFFECT)
            : ChangeResult.of(change, Outcome.SKIPPED, drift.reason()), false);
      }
      Optional<String> unsafe = safety.violation(change, earlier, now);
      if (unsafe.isPresent()) {
        return new ApplyResult.Applied(entry,
            ChangeResult.of(change, Outcome.SKIPPED, "unsafe now: " + unsafe.get()), false);
      }
      ExecutionResult done = executor.apply(List.of(change));
      return new ApplyResult.Applied(entry, done.changes().get(0), false);
    } catch (RetryableAwsException e) {
      return new ApplyResult.Applied(entry, ChangeResult.of(change, Outcome.FAILED, e.getMessage()), false);
    } catch (SdkException e) {
      return new ApplyResult.Applied(entry, ChangeResult.of(change, Outcome.FAILED,
          "could not read " + change.target() + ": " + e.getMessage()), false);
    }
  }

  /**
   * Every endpoint, VPC, security group and endpoint service the plan names (written or evaluated), for one inventory
   * read.
   */
  static Targets targets(PlanFile plan) {
    Set<String> endpoints = new LinkedHashSet<>();
    Set<String> vpcs = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    Set<String> services = new LinkedHashSet<>();
    for (PlanFile.Entry e : plan.changes()) {
      for (String id : List.of(e.change().target(), e.resourceId())) {
        if (ResourceIdFormat.VPC_ENDPOINT.matches(id)) {
          endpoints.add(id);
        } else if (ResourceIdFormat.VPC.matches(id)) {
          vpcs.add(id);
        } else if (ResourceIdFormat.SECURITY_GROUP.matches(id)) {
          groups.add(id);
        } else if (ResourceIdFormat.VPC_ENDPOINT_SERVICE.matches(id)) {
          services.add(id);
        }
      }
    }
    return new Targets(false, List.copyOf(endpoints), List.copyOf(vpcs), List.copyOf(groups), List.copyOf(services));
  }
}
