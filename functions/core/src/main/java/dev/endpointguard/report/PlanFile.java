package dev.endpointguard.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.model.AccountId;
import dev.endpointguard.model.Sha256;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.ChangeKind;
import dev.endpointguard.rules.RuleId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * A plan file, version {@value #VERSION} (DESIGN.md §3, docs/plan-file.md): the plans of one scan of one account and
 * Region, each change with the state it was computed against, sealed by a digest, so that {@code apply} can apply
 * exactly what was reviewed, and only where it still holds.
 *
 * <p>The digest is the SHA-256 (lower-case hex) of the canonical form of the file's other fields ({@code version},
 * {@code generatedAt}, {@code account}, {@code region}, {@code changes}): the JSON Canonicalization Scheme of RFC 8785
 * (https://www.rfc-editor.org/rfc/rfc8785): object members sorted by their names' UTF-16 code units, no whitespace
 * between tokens, strings with only the escapes RFC 8785 prescribes, numbers as ECMAScript prints them, UTF-8.
 *
 * @param generatedAt when the scan ran, to the second
 * @param account     the scanned account (12 digits)
 * @param region      the scanned Region ({@code us-east-1})
 * @param changes     every change of every plan of the scan, plan by plan, in plan order
 */
public record PlanFile(Instant generatedAt, String account, String region, List<Entry> changes) {
  /** The format's version, the file's {@code version} field. */
  public static final String VERSION = "endpoint-guard-plan/1";

  // Numbers keep their written form (a cost of 7.30 stays 7.30); a duplicate key or anything after the object is not
  // a file this code wrote.
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  public PlanFile {
    Objects.requireNonNull(generatedAt, "generatedAt");
    generatedAt = generatedAt.truncatedTo(ChronoUnit.SECONDS);
    AccountId.require(account);
    Objects.requireNonNull(region, "region");
    changes = List.copyOf(changes);
  }

  /**
   * One change of a plan, with the evaluation it fixes and the state it was computed against.
   *
   * @param rule       the rule whose NON_COMPLIANT evaluation planned it
   * @param resourceId the evaluated resource (an endpoint or VPC id)
   * @param expect     {@link Change#previousState} of the estate the scan read: the keys docs/handlers.md lists for
   *                   the change's kind (a JSON object; a copy is kept)
   */
  public record Entry(RuleId rule, String resourceId, Change change, JsonNode expect) {
    public Entry {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(resourceId, "resourceId");
      Objects.requireNonNull(change, "change");
      if (expect == null || !expect.isObject()) {
        throw new IllegalArgumentException("expect is not a JSON object");
      }
      expect = expect.deepCopy();
    }

    @Override
    public JsonNode expect() {
      return expect.deepCopy();
    }
  }

  /**
   * The plans of a scan's report: every NON_COMPLIANT evaluation that has a plan, whatever became of it, in report
   * order; each change with its part of the evaluation's previous state ({@link EvaluationResult#previousByChange}).
   *
   * @throws IllegalArgumentException when a result with a plan does not carry its per-change previous state (results
   *                                  the pipeline made always do)
   */
  public static PlanFile of(ScanReport report, Instant generatedAt) {
    List<Entry> entries = new ArrayList<>();
    for (EvaluationResult r : report.results()) {
      List<Change> plan = r.evaluation().plan();
      if (!r.evaluation().nonCompliant() || plan.isEmpty()) {
        continue;
      }
      if (r.previousByChange().size() != plan.size()) {
        throw new IllegalArgumentException("the evaluation of " + r.evaluation().rule() + " on "
            + r.evaluation().resourceId() + " does not hold the state its plan was computed against");
      }
      for (int i = 0; i < plan.size(); i++) {
        entries.add(new Entry(r.evaluation().rule(), r.evaluation().resourceId(), plan.get(i),
            MAPPER.valueToTree(r.previousByChange().get(i))));
      }
    }
    return new PlanFile(generatedAt, report.account(), report.region(), entries);
  }

  /** The file's text: the fields in DESIGN.md's order, then the digest; pretty-printed, UTF-8 when written. */
  public String toJson() {
    ObjectNode root = withoutDigest();
    root.put("digest", digestOf(root));
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 of the canonical form of the fields other than the digest, as the file's {@code digest} holds it. */
  public String digest() {
    return digestOf(withoutDigest());
  }

  private ObjectNode withoutDigest() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.put("generatedAt", generatedAt.toString());
    root.put("account", account);
    root.put("region", region);
    ArrayNode list = root.putArray("changes");
    for (Entry e : changes) {
      ObjectNode c = list.addObject();
      c.put("rule", e.rule().id());
      c.put("resourceId", e.resourceId());
      c.put("change", e.change().kind().reportName());
      c.put("target", e.change().target());
      c.set("detail", MAPPER.valueToTree(e.change().detail()));
      c.set("expect", e.expect());
      c.put("impact", e.change().impact());
      c.put("rollback", e.change().rollback());
    }
    return root;
  }

  /**
   * The canonical form of a JSON value: RFC 8785 (JCS) of its JSON text, as UTF-8 bytes. This is what the digest is
   * the SHA-256 of; {@code sha256sum} of these bytes gives the same hex.
   */
  public static byte[] canonical(JsonNode value) {
    try {
      return new JsonCanonicalizer(MAPPER.writeValueAsString(value)).getEncodedUTF8();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHA-256, lower-case hex, of {@link #canonical} of {@code withoutDigest} (an object without a digest field). */
  static String digestOf(ObjectNode withoutDigest) {
    return Sha256.hex(canonical(withoutDigest));
  }

  /**
   * Reads a plan file, refusing anything that is not exactly what {@code scan --plan-out} wrote: not JSON, another
   * version, a digest that does not match the content (edited after it was written), or a change that is not a valid
   * change of its kind. Nothing is re-planned: each change is rebuilt from its {@code change}, {@code target} and
   * {@code detail} ({@link ChangeKind#rebuild}), and must write back to the same detail.
   *
   * @throws IllegalArgumentException with one line for people saying what is wrong
   */
  public static PlanFile parse(String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a plan file: not JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a plan file: not a JSON object");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isTextual() || !VERSION.equals(version.textValue())) {
      throw new IllegalArgumentException("not an " + VERSION + " file (its version is "
          + (version == null ? "missing" : version.toString()) + ")");
    }
    JsonNode digest = root.get("digest");
    if (digest == null || !digest.isTextual()) {
      throw new IllegalArgumentException("the plan file has no digest");
    }
    ObjectNode content = ((ObjectNode) root).deepCopy();
    content.remove("digest");
    String computed;
    try {
      computed = digestOf(content);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("not a plan file: it has no canonical form (" + e.getCause().getMessage()
          + ")");
    }
    if (!computed.equals(digest.textValue())) {
      throw new IllegalArgumentException("the plan file was changed after it was written: its digest "
          + digest.textValue() + " does not match its content (" + computed + ")");
    }
    Instant generatedAt;
    try {
      generatedAt = Instant.parse(text(root, "generatedAt", "the plan"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the plan's generatedAt is not an ISO-8601 instant");
    }
    String account = text(root, "account", "the plan");
    if (!AccountId.valid(account)) {
      throw new IllegalArgumentException("the plan's account is not an AWS account id (12 digits): " + account);
    }
    String region = text(root, "region", "the plan");
    JsonNode list = root.get("changes");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("the plan has no changes array");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      entries.add(entry(list.get(i), "change " + (i + 1)));
    }
    return new PlanFile(generatedAt, account, region, entries);
  }

  private static Entry entry(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " is not a JSON object");
    }
    String ruleId = text(node, "rule", where);
    RuleId rule = RuleId.find(ruleId).orElseThrow(() ->
        new IllegalArgumentException(where + ": unknown rule '" + ruleId + "'"));
    String kindName = text(node, "change", where);
    ChangeKind kind = ChangeKind.byReportName(kindName).orElseThrow(() ->
        new IllegalArgumentException(where + ": unknown change '" + kindName + "'"));
    String target = text(node, "target", where);
    JsonNode detail = node.get("detail");
    Change change;
    try {
      change = kind.rebuild(target, detail, text(node, "impact", where));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(where + " (" + kindName + " on " + target + "): " + e.getMessage());
    }
    // Exactly the change described: written back, the rebuilt change has the same detail (compared canonically).
    if (!Arrays.equals(canonical(MAPPER.valueToTree(change.detail())), canonical(detail))) {
      throw new IllegalArgumentException(where + " (" + kindName + " on " + target + "): its detail is not one this"
          + " version of endpoint-guard writes for a " + kindName);
    }
    JsonNode expect = node.get("expect");
    if (expect == null || !expect.isObject()) {
      throw new IllegalArgumentException(where + " has no expect object");
    }
    return new Entry(rule, text(node, "resourceId", where), change, expect);
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(where + " has no " + field);
    }
    return v.textValue();
  }
}
