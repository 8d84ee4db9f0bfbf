package dev.endpointguard.sink;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.endpointguard.aws.AwsErrors;
import dev.endpointguard.engine.Delivery;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;

/**
 * The run's evaluations as Security Hub findings ({@link SecurityHubFindings}), imported with BatchImportFindings into
 * the hub of the run's own account and Region: with the account's default product ARN, "the identifier of the account
 * that you are calling BatchImportFindings from needs to be the same as the AwsAccountId attribute for the finding",
 * so the sink is built with that scope's clients.
 * <ul>
 *   <li>At most 100 findings per call; each finding is bounded far under 240 KB, a call under 6 MB.</li>
 *   <li>Throttling and 5xx answers are retried by the client's standard retry mode (bounded); what still fails is
 *       counted as failed, named in the delivery's problems and logged, never thrown, and one failed call never
 *       keeps the next from its findings. The next run imports them again.</li>
 *   <li>Findings Security Hub refuses come back in {@code FailedFindings}; {@code InvalidAccess} means the hub is
 *       not enabled in the account and Region.</li>
 * </ul>
 * https://docs.aws.amazon.com/securityhub/latest/userguide/finding-update-batchimportfindings.html ·
 * https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchImportFindings.html
 */
public final class SecurityHubSink implements Sink {
  /** The sink's name in results and logs. */
  public static final String NAME = "securityHub";
  /** "Maximum of 100 findings per request." */
  static final int MAX_PER_CALL = 100;
  static final String NOT_IMPORTED = "finding not imported";
  /** The error code Security Hub gives each finding of an account or Region whose hub is not enabled. */
  static final String INVALID_ACCESS = "InvalidAccess";
  private static final int IDS_NAMED = 3;
  private static final Logger LOG = LoggerFactory.getLogger(SecurityHubSink.class);

  private final Supplier<SecurityHubClient> securityHub;
  private final Clock clock;
  private final Predicate<EvaluationResult> selection;

  private SecurityHubSink(Supplier<SecurityHubClient> securityHub, Clock clock,
                          Predicate<EvaluationResult> selection) {
    this.securityHub = Objects.requireNonNull(securityHub, "securityHub");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.selection = Objects.requireNonNull(selection, "selection");
  }

  /**
   * Imports a finding for every evaluation of the run.
   *
   * @param securityHub the client of the run's account and Region (made on the first import)
   * @param clock       gives each run's UpdatedAt: a later run must send a later one
   */
  public static SecurityHubSink everyEvaluation(Supplier<SecurityHubClient> securityHub, Clock clock) {
    return new SecurityHubSink(securityHub, clock, r -> true);
  }

  /**
   * Imports only the NOT_APPLICABLE evaluations, which archive their findings: for the AWS Config rule function,
   * whose verdicts on deleted resources are the only news of them (the other functions import every other verdict).
   */
  public static SecurityHubSink notApplicableOnly(Supplier<SecurityHubClient> securityHub, Clock clock) {
    return new SecurityHubSink(securityHub, clock, r -> r.evaluation().status() == Status.NOT_APPLICABLE);
  }

  @Override
  public Delivery deliver(Run run) {
    Run selected = new Run(run.request(), run.scope(), run.results().stream().filter(selection).toList(),
        run.problems(), run.retryableFailures());
    List<AwsSecurityFinding> findings = SecurityHubFindings.of(selected, clock.instant());
    int imported = 0;
    int failed = 0;
    List<String> problems = new ArrayList<>();
    for (int from = 0; from < findings.size(); from += MAX_PER_CALL) {
      List<AwsSecurityFinding> batch = findings.subList(from, Math.min(findings.size(), from + MAX_PER_CALL));
      try {
        BatchImportFindingsResponse response = securityHub.get().batchImportFindings(b -> b.findings(batch));
        imported += response.successCount() == null ? 0 : response.successCount();
        if (response.hasFailedFindings() && !response.failedFindings().isEmpty()) {
          failed += response.failedFindings().size();
          problems.addAll(refused(response.failedFindings(), run.scope()));
        }
      } catch (SdkException e) {
        failed += batch.size();
        String problem = callFailed(e, batch.size(), run.scope());
        LOG.error(NOT_IMPORTED, entry("findings", batch.size()), entry("errorCode", AwsErrors.code(e)),
            entry("error", problem));
        problems.add(problem);
      }
    }
    return new Delivery(NAME, imported, failed, 0, problems);
  }

  /** One line per kind of refusal (code and message), with its count and the first ids. */
  static List<String> refused(List<ImportFindingsError> errors, AccountRegion scope) {
    Map<String, List<String>> idsByError = new LinkedHashMap<>();
    for (ImportFindingsError error : errors) {
      String why = INVALID_ACCESS.equals(error.errorCode())
          ? notEnabled(scope) + " (" + error.errorCode() + ": " + error.errorMessage() + ")"
          : "Security Hub refused the finding (" + error.errorCode() + ": " + error.errorMessage() + ")";
      idsByError.computeIfAbsent(why, k -> new ArrayList<>()).add(error.id());
    }
    List<String> lines = new ArrayList<>();
    idsByError.forEach((why, ids) -> {
      String named = String.join(", ", ids.subList(0, Math.min(IDS_NAMED, ids.size())))
          + (ids.size() > IDS_NAMED ? ", …" : "");
      String line = why + ": " + ids.size() + " finding(s) not imported: " + named;
      LOG.error(NOT_IMPORTED, entry("findings", ids.size()), entry("error", line));
      lines.add(line);
    });
    return lines;
  }

  private static String callFailed(SdkException e, int findings, AccountRegion scope) {
    String code = AwsErrors.code(e);
    // A request-level InvalidAccessException: the account is not subscribed to Security Hub in this Region.
    String why = code.startsWith(INVALID_ACCESS) ? notEnabled(scope) + " (" + AwsErrors.describe(e) + ")"
        : "BatchImportFindings failed (" + AwsErrors.describe(e) + ")";
    return why + ": " + findings + " finding(s) not imported";
  }

  /** What an InvalidAccess refusal means for a finding of the account's default product. */
  static String notEnabled(AccountRegion scope) {
    return "Security Hub is not enabled in " + scope.account() + "/" + scope.region();
  }
}
