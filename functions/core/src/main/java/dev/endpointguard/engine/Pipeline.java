package dev.endpointguard.engine;

import dev.endpointguard.inventory.Inventory;
import dev.endpointguard.inventory.InventoryProblem;
import dev.endpointguard.inventory.InventoryResult;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.EndpointServiceSnapshot;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.ExecutionResult;
import dev.endpointguard.plan.Executor;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.plan.RetryableAwsException;
import dev.endpointguard.plan.SafetyCheck;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.VpcCoverage;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.Rule;
import dev.endpointguard.rules.RuleContext;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.RuleRegistry;
import dev.endpointguard.rules.Status;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The one path of every trigger and of {@code scan}: read the targets (the inventory, the only code that reads AWS),
 * evaluate every rule that is not off, honour exemptions, then per rule mode keep the plan or apply it (safety-checked,
 * through the executor, the only code that writes AWS), and hand the outcomes to the sinks. Handlers and the CLI decode
 * their input into a {@link Request} and choose their sinks; nothing else happens in between.
 */
public final class Pipeline {

  private final Inventory inventory;
  private final Executor executor;
  private final RuleRegistry rules;
  private final Clock clock;
  private final SafetyCheck safety = SafetyCheck.standard();

  public Pipeline(Inventory inventory, Executor executor, RuleRegistry rules, Clock clock) {
    this.inventory = inventory;
    this.executor = executor;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * Reads the request's targets and evaluates and acts on them. With no trusted organization configured, the inventory
   * also reads the account's own organization when a policy in scope names one, and that organization is trusted.
   * AWS errors while reading escape as SDK exceptions (the caller decides: a handler retries or fails); a change that
   * fails is reported in its result, and one that failed in a way a retry can fix is also listed in
   * {@link Run#retryableFailures()}.
   */
  public Run run(Request request) {
    if (request.targets().isEmpty()) {
      return new Run(request, new AccountRegion(inventory.accountId(), inventory.region()), List.of(), List.of(),
          List.of());
    }
    InventoryResult read = inventory.load(request.targets(), request.settings().trustedOrgIds().isEmpty());
    return evaluateAndAct(request, read.estate(), read.problems());
  }

  /**
   * The same, acting VPC by VPC so that a run short of time stops between two VPCs rather than in one: the targets are
   * read and evaluated once, then before acting on each VPC (its own evaluation first, then its endpoints') the run
   * asks {@code keepGoing}; from its first "no" on, no VPC is acted on or reported, and those VPCs are returned in
   * {@link PartialRun#vpcsNotStarted()} for a later run to take up. A VPC is never left half done.
   *
   * @param keepGoing asked once before each VPC, in VPC-id order; true to go on
   */
  public PartialRun run(Request request, BooleanSupplier keepGoing) {
    if (request.targets().isEmpty()) {
      return new PartialRun(run(request), List.of());
    }
    InventoryResult read = inventory.load(request.targets(), request.settings().trustedOrgIds().isEmpty());
    return evaluateAndAct(request, read.estate(), read.problems(), keepGoing);
  }

  /** Runs, then hands the run to each sink in turn: the run and what each sink did with it. */
  public Outcomes run(Request request, List<Sink> sinks) {
    Run run = run(request);
    return new Outcomes(run, sinks.stream().map(sink -> sink.deliver(run)).toList());
  }

  /**
   * Per endpoint rule, why each endpoint of the estate (in scope, or a sibling in the same VPC) is exempt today, by
   * id: the engine reads the tags once, for its own verdicts and for the rules that look at siblings.
   */
  private Map<RuleId, Map<String, String>> endpointExemptions(Estate estate, LocalDate today) {
    Map<String, Map<String, String>> tagsById = new TreeMap<>();
    estate.endpoints().forEach(e -> tagsById.put(e.endpointId(), e.tags()));
    estate.vpcs().forEach(v -> v.endpoints().forEach(e -> tagsById.putIfAbsent(e.endpointId(), e.tags())));
    Map<RuleId, Map<String, String>> exempt = new EnumMap<>(RuleId.class);
    for (Rule.EndpointRule rule : rules.endpointRules()) {
      tagsById.forEach((id, tags) -> Exemptions.exemption(tags, rule.id(), today)
          .ifPresent(reason -> exempt.computeIfAbsent(rule.id(), r -> new TreeMap<>()).put(id, reason)));
    }
    return exempt;
  }

  /** Evaluates an estate already read; {@code problems} are the inventory's, carried into the run. */
  public Run evaluateAndAct(Request request, Estate estate, List<InventoryProblem> problems) {
    return evaluateAndAct(request, estate, problems, () -> true).run();
  }

  private PartialRun evaluateAndAct(Request request, Estate estate, List<InventoryProblem> problems,
                                    BooleanSupplier keepGoing) {
    Settings settings = request.settings();
    LocalDate today = LocalDate.now(clock);
    Map<RuleId, Map<String, String>> exemptions = endpointExemptions(estate, today);
    Map<RuleId, Set<String>> exemptIds = new EnumMap<>(RuleId.class);
    exemptions.forEach((rule, byId) -> exemptIds.put(rule, byId.keySet()));
    RuleContext context = settings.ruleContext(estate.accountId()).withOwnOrganization(estate.ownOrganization())
        .withExemptions(exemptIds);
    List<Pending> pending = new ArrayList<>();
    for (EndpointSnapshot endpoint : estate.endpoints()) {
      for (Rule.EndpointRule rule : rules.endpointRules()) {
        if (settings.mode(rule.id()) == Mode.OFF) {
          continue;
        }
        Evaluation e = rule.evaluate(endpoint, context);
        Optional<String> exempt = Optional.ofNullable(
            exemptions.getOrDefault(rule.id(), Map.of()).get(endpoint.endpointId()));
        Evaluation judged = exempt.map(e::notApplicable).orElse(e);
        pending.add(new Pending(judged, estate));
      }
    }
    for (VpcSnapshot vpc : estate.vpcs()) {
      for (Rule.VpcRule rule : rules.vpcRules()) {
        if (settings.mode(rule.id()) == Mode.OFF) {
          continue;
        }
        Evaluation e = rule.evaluate(vpc, context);
        Optional<String> exempt = Exemptions.exemption(vpc.vpc().tags(), rule.id(), today);
        Evaluation judged = exempt.map(e::notApplicable).orElse(e);
        pending.add(new Pending(judged, estate));
      }
    }
    for (EndpointServiceSnapshot service : estate.endpointServices()) {
      for (Rule.EndpointServiceRule rule : rules.endpointServiceRules()) {
        if (settings.mode(rule.id()) == Mode.OFF) {
          continue;
        }
        Evaluation e = rule.evaluate(service, context);
        Optional<String> exempt = Exemptions.exemption(service.tags(), rule.id(), today);
        Evaluation judged = exempt.map(e::notApplicable).orElse(e);
        pending.add(new Pending(judged, estate));
      }
    }

    // VPC by VPC, in id order; in each, the VPC-level fix first: endpoint fixes (private DNS) depend on the VPC's DNS
    // attributes.
    // Resources in no VPC (the account's endpoint services) are few and act first: a sweep hands over only VPCs.
    Map<String, List<Pending>> byVpc = new TreeMap<>();
    List<Pending> inNoVpc = new ArrayList<>();
    for (Pending p : pending) {
      if (p.evaluation.vpc().isPresent()) {
        byVpc.computeIfAbsent(p.evaluation.vpc().get(), v -> new ArrayList<>()).add(p);
      } else {
        inNoVpc.add(p);
      }
    }
    List<String> retryable = new ArrayList<>();
    for (Pending p : inNoVpc) {
      p.result = decide(p, estate, settings, retryable);
    }
    Set<String> notStarted = new TreeSet<>();
    for (Map.Entry<String, List<Pending>> vpc : byVpc.entrySet()) {
      if (!notStarted.isEmpty() || !keepGoing.getAsBoolean()) {
        notStarted.add(vpc.getKey());
        continue;
      }
      List<Pending> order = new ArrayList<>(vpc.getValue());
      order.sort((a, b) -> Boolean.compare(a.evaluation.resourceType() != ResourceType.VPC,
          b.evaluation.resourceType() != ResourceType.VPC));
      for (Pending p : order) {
        p.result = decide(p, estate, settings, retryable);
      }
    }
    List<EvaluationResult> results = pending.stream().filter(p -> p.result != null).map(p -> p.result).toList();
    return new PartialRun(new Run(request, new AccountRegion(estate.accountId(), estate.region()), results,
        withTagProblems(problems, estate), retryable, VpcCoverage.of(estate)), List.copyOf(notStarted));
  }

  /** The inventory's problems, then each malformed exemption tag of the resources in scope (issue 12). */
  private static List<InventoryProblem> withTagProblems(List<InventoryProblem> problems, Estate estate) {
    List<InventoryProblem> all = new ArrayList<>(problems);
    estate.endpoints().forEach(e -> Exemptions.tagProblems(e.tags())
        .forEach(p -> all.add(InventoryProblem.incomplete(e.endpointId(), p))));
    estate.vpcs().forEach(v -> Exemptions.tagProblems(v.vpc().tags())
        .forEach(p -> all.add(InventoryProblem.incomplete(v.vpc().vpcId(), p))));
    estate.endpointServices().forEach(s -> Exemptions.tagProblems(s.tags())
        .forEach(p -> all.add(InventoryProblem.incomplete(s.serviceId(), p))));
    return all;
  }

  private EvaluationResult decide(Pending p, Estate estate, Settings settings, List<String> retryable) {
    Evaluation e = p.evaluation;
    if (e.status() != Status.NON_COMPLIANT || e.plan().isEmpty()) {
      return new EvaluationResult(e, Outcome.NONE, Optional.empty(), p.previous, List.of(), p.previousByChange);
    }
    if (settings.mode(e.rule()) != Mode.REMEDIATE) {
      return new EvaluationResult(e, Outcome.PLANNED, Optional.empty(), p.previous, List.of(), p.previousByChange);
    }
    try {
      ExecutionResult done = executor.applyIfSafe(e.plan(), estate, safety);
      return new EvaluationResult(e, done.outcome(), done.error(), p.previous, done.changes(), p.previousByChange);
    } catch (RetryableAwsException ex) {
      retryable.add(e.resourceId() + ": " + ex.getMessage());
      return new EvaluationResult(e, Outcome.FAILED, Optional.of(ex.getMessage()), p.previous, ex.before(),
          p.previousByChange);
    }
  }

  private static final class Pending {
    final Evaluation evaluation;
    final Map<String, Object> previous;
    final List<Map<String, Object>> previousByChange;
    EvaluationResult result;

    /** The plan's previous state read from {@code estate}: the whole plan's, and each change's own part. */
    Pending(Evaluation evaluation, Estate estate) {
      this.evaluation = evaluation;
      this.previous = Change.previousState(evaluation.plan(), estate);
      this.previousByChange = evaluation.plan().stream().map(c -> c.previousState(estate)).toList();
    }
  }
}
