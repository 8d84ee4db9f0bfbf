package dev.endpointguard.engine;

import dev.endpointguard.model.AccountId;
import dev.endpointguard.rules.RuleContext;
import dev.endpointguard.rules.RuleId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator's choices, validated once at start: a mode per rule, the AZ requirement, the trusted identities, the
 * AZ-hour price and the alert topic.
 */
public record Settings(Map<RuleId, Mode> modes, int minAzs, Set<String> trustedAccountIds, Set<String> trustedOrgIds,
                       BigDecimal azHourPriceUsd, Optional<String> alertTopicArn) {

  /** Environment variable names the Lambda functions read (template.yaml sets them). */
  public static final String ENV_MIN_AZS = "MIN_AZS";
  public static final String ENV_TRUSTED_ACCOUNT_IDS = "TRUSTED_ACCOUNT_IDS";
  public static final String ENV_TRUSTED_ORG_IDS = "TRUSTED_ORG_IDS";
  public static final String ENV_AZ_HOUR_PRICE_USD = "AZ_HOUR_PRICE_USD";
  public static final String ENV_ALERT_TOPIC_ARN = "ALERT_TOPIC_ARN";
  public static final int MAX_MIN_AZS = 6;

  private static final Pattern ACCOUNT = Pattern.compile(AccountId.REGEX);
  private static final Pattern ORG = Pattern.compile("o-[a-z0-9]{10,32}");
  private static final Pattern TOPIC = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:" + AccountId.REGEX + ":[A-Za-z0-9_-]{1,256}");

  public Settings {
    EnumMap<RuleId, Mode> all = new EnumMap<>(RuleId.class);
    for (RuleId r : RuleId.values()) {
      all.put(r, modes.getOrDefault(r, Mode.ALERT));
    }
    modes = Map.copyOf(all);
    trustedAccountIds = Set.copyOf(trustedAccountIds);
    trustedOrgIds = Set.copyOf(trustedOrgIds);
    Objects.requireNonNull(azHourPriceUsd, "azHourPriceUsd");
    Objects.requireNonNull(alertTopicArn, "alertTopicArn");
  }

  /** Every rule in alert mode, two AZs, no trusted extras, $0.01 per AZ-hour, no topic. */
  public static Settings defaults() {
    return new Settings(Map.of(), RuleContext.DEFAULT_MIN_AZS, Set.of(), Set.of(), RuleContext.DEFAULT_AZ_HOUR_PRICE,
        Optional.empty());
  }

  public static String modeVariable(RuleId rule) {
    return "MODE_" + rule.name();
  }

  public Mode mode(RuleId rule) {
    return modes.get(rule);
  }

  /** The same settings publishing to {@code topicArn}, validated like ALERT_TOPIC_ARN; {@code name} names the source. */
  public Settings withAlertTopic(String topicArn, String name) {
    List<String> problems = new ArrayList<>();
    Optional<String> topic = parseTopic(topicArn, name, problems);
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return new Settings(modes, minAzs, trustedAccountIds, trustedOrgIds, azHourPriceUsd, topic);
  }

  public Settings withModes(Map<RuleId, Mode> newModes) {
    return new Settings(newModes, minAzs, trustedAccountIds, trustedOrgIds, azHourPriceUsd, alertTopicArn);
  }

  /** Only {@code rule}, in {@code mode}; every other rule off (a Config rule, a compliance change, {@code --rule}). */
  public Settings only(RuleId rule, Mode mode) {
    EnumMap<RuleId, Mode> m = new EnumMap<>(RuleId.class);
    for (RuleId r : RuleId.values()) {
      m.put(r, r == rule ? mode : Mode.OFF);
    }
    return withModes(m);
  }

  /** Every rule in the given mode. */
  public Settings withAllModes(Mode mode) {
    EnumMap<RuleId, Mode> m = new EnumMap<>(RuleId.class);
    for (RuleId r : RuleId.values()) {
      m.put(r, mode);
    }
    return withModes(m);
  }

  public RuleContext ruleContext(String accountId) {
    return new RuleContext(accountId, minAzs, trustedAccountIds, trustedOrgIds, azHourPriceUsd);
  }

  /**
   * Reads settings from variables (the Lambda environment): {@code MODE_SINGLE_AZ_ENDPOINT=remediate}, {@code MIN_AZS},
   * {@code TRUSTED_ACCOUNT_IDS} and {@code TRUSTED_ORG_IDS} (comma-separated), {@code AZ_HOUR_PRICE_USD},
   * {@code ALERT_TOPIC_ARN}. Absent or empty variables take the defaults. All problems are reported at once.
   */
  public static Settings fromEnvironment(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    EnumMap<RuleId, Mode> modes = new EnumMap<>(RuleId.class);
    for (RuleId r : RuleId.values()) {
      String v = env.get(modeVariable(r));
      if (v != null && !v.isBlank()) {
        try {
          modes.put(r, Mode.parse(v));
        } catch (IllegalArgumentException e) {
          problems.add(modeVariable(r) + ": " + e.getMessage());
        }
      }
    }
    int minAzs = parseMinAzs(env.get(ENV_MIN_AZS), ENV_MIN_AZS, problems);
    Set<String> accounts = parseIds(env.get(ENV_TRUSTED_ACCOUNT_IDS), ACCOUNT, ENV_TRUSTED_ACCOUNT_IDS,
        "12-digit AWS account ids", problems);
    Set<String> orgs = parseIds(env.get(ENV_TRUSTED_ORG_IDS), ORG, ENV_TRUSTED_ORG_IDS,
        "organization ids like o-a1b2c3d4e5", problems);
    BigDecimal price = parsePrice(env.get(ENV_AZ_HOUR_PRICE_USD), ENV_AZ_HOUR_PRICE_USD, problems);
    Optional<String> topic = parseTopic(env.get(ENV_ALERT_TOPIC_ARN), ENV_ALERT_TOPIC_ARN, problems);
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return new Settings(modes, minAzs, accounts, orgs, price, topic);
  }

  static int parseMinAzs(String value, String name, List<String> problems) {
    if (value == null || value.isBlank()) {
      return RuleContext.DEFAULT_MIN_AZS;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= MAX_MIN_AZS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + ": '" + value + "' is not a whole number from 1 to " + MAX_MIN_AZS);
    return RuleContext.DEFAULT_MIN_AZS;
  }

  static Set<String> parseIds(String value, Pattern format, String name, String what, List<String> problems) {
    Set<String> ids = new LinkedHashSet<>();
    if (value == null || value.isBlank()) {
      return ids;
    }
    for (String raw : value.split(",")) {
      String id = raw.trim();
      if (id.isEmpty()) {
        continue;
      }
      if (format.matcher(id).matches()) {
        ids.add(id);
      } else {
        problems.add(name + ": '" + id + "' is not valid; expected " + what);
      }
    }
    return ids;
  }

  static BigDecimal parsePrice(String value, String name, List<String> problems) {
    if (value == null || value.isBlank()) {
      return RuleContext.DEFAULT_AZ_HOUR_PRICE;
    }
    try {
      BigDecimal p = new BigDecimal(value.trim());
      if (p.signum() >= 0 && p.compareTo(BigDecimal.ONE) <= 0) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + ": '" + value + "' is not a price in USD per AZ-hour from 0 to 1 (e.g. 0.01)");
    return RuleContext.DEFAULT_AZ_HOUR_PRICE;
  }

  static Optional<String> parseTopic(String value, String name, List<String> problems) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (TOPIC.matcher(v).matches()) {
      return Optional.of(v);
    }
    problems.add(name + ": '" + value + "' is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
    return Optional.empty();
  }

  /** Builder used by the CLI: the same validation as the environment, from flag values. */
  public static Settings fromValues(List<String> trustedAccounts, List<String> trustedOrgs, String minAzs,
                                    String azHourPrice, Map<RuleId, Mode> modes) {
    List<String> problems = new ArrayList<>();
    int azs = parseMinAzs(minAzs, "--min-azs", problems);
    Set<String> accounts = parseIds(String.join(",", trustedAccounts), ACCOUNT, "--trusted-account-id",
        "12-digit AWS account ids", problems);
    Set<String> orgs = parseIds(String.join(",", trustedOrgs), ORG, "--trusted-org-id",
        "organization ids like o-a1b2c3d4e5", problems);
    BigDecimal price = parsePrice(azHourPrice, "--az-hour-price", problems);
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return new Settings(modes, azs, accounts, orgs, price, Optional.empty());
  }

  /** Rule ids from flag or variable values, validated. */
  public static List<RuleId> parseRuleIds(List<String> values) {
    List<String> problems = new ArrayList<>();
    List<RuleId> ids = new ArrayList<>();
    for (String v : values) {
      for (String part : v.split(",")) {
        String p = part.trim().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
          continue;
        }
        RuleId.find(p).ifPresentOrElse(ids::add,
            () -> problems.add("unknown rule id '" + part.trim() + "'; valid: " + RuleId.validIds()));
      }
    }
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return List.copyOf(new LinkedHashSet<>(ids));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    Arrays.stream(RuleId.values()).forEach(r -> sb.append(r.id()).append('=').append(mode(r).id()).append(' '));
    return sb + "minAzs=" + minAzs + " trustedAccounts=" + trustedAccountIds + " trustedOrgs=" + trustedOrgIds
        + " azHourPriceUsd=" + azHourPriceUsd + " alertTopic=" + alertTopicArn.orElse("-");
  }
}
