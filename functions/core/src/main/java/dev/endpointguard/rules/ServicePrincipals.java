package dev.endpointguard.rules;

import dev.endpointguard.model.AccountId;
import dev.endpointguard.model.EndpointServiceSnapshot.AllowedPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which principals allowed to connect to an endpoint service are trusted: pure. A principal is trusted only when its
 * ARN proves it is inside the trusted set; anything else (including forms this code does not know) is untrusted.
 * <ul>
 *   <li>{@code *} (PrincipalType All): every principal of every account — "If you grant permissions to all
 *   principals, the service is public." Untrusted.</li>
 *   <li>{@code arn:<partition>:iam::<account>:root}, {@code …:role/…}, {@code …:user/…} (Account, Role, User):
 *   trusted when the account is the scanned one or a trusted one.</li>
 *   <li>An organization ({@code arn:<partition>:organizations::<management account>:organization/o-…}) or an
 *   organizational unit ({@code …:ou/o-…/ou-…}): trusted when the organization it names is trusted (the scanned
 *   account's own, once known, or a configured one); an OU lies inside the organization its ARN names.</li>
 *   <li>A service principal (PrincipalType Service, {@code <name>.amazonaws.com}): not an account of the trusted
 *   set, so untrusted.</li>
 * </ul>
 * https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#add-remove-permissions ·
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AllowedPrincipal.html ·
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsorganizations.html#awsorganizations-resources-for-iam-policies
 */
record ServicePrincipals(List<String> trusted, List<String> untrusted) {
  private static final Pattern IAM = Pattern.compile("arn:[a-z0-9-]+:iam::(\\d{12}):(root|role/.+|user/.+)");
  private static final Pattern ORGANIZATION =
      Pattern.compile("arn:[a-z0-9-]+:organizations::\\d{12}:(?:organization/(o-[a-z0-9]{10,32})"
          + "|ou/(o-[a-z0-9]{10,32})/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})");

  ServicePrincipals {
    trusted = List.copyOf(trusted);
    untrusted = List.copyOf(untrusted);
  }

  /** The allowed principals split into trusted and untrusted, each sorted and once. */
  static ServicePrincipals judge(List<AllowedPrincipal> principals, RuleContext context) {
    Set<String> orgs = new TreeSet<>(context.trustedOrgIds());
    context.ownOrganization().orgId().ifPresent(orgs::add);
    Set<String> trusted = new TreeSet<>();
    Set<String> untrusted = new TreeSet<>();
    for (AllowedPrincipal p : principals) {
      (trusted(p, context.allTrustedAccounts(), orgs) ? trusted : untrusted).add(p.principal());
    }
    return new ServicePrincipals(new ArrayList<>(trusted), new ArrayList<>(untrusted));
  }

  private static boolean trusted(AllowedPrincipal p, Set<String> accounts, Set<String> orgs) {
    if (p.principalType().filter(t -> t.equals("All") || t.equals("Service")).isPresent()) {
      return false;
    }
    return account(p.principal()).map(accounts::contains)
        .or(() -> organization(p.principal()).map(orgs::contains))
        .orElse(false);
  }

  /** The account an IAM account, role or user ARN names. */
  static Optional<String> account(String principal) {
    Matcher m = IAM.matcher(principal);
    return m.matches() && AccountId.valid(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The organization an organization or organizational-unit ARN names. */
  static Optional<String> organization(String principal) {
    Matcher m = ORGANIZATION.matcher(principal);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
  }

  /** The untrusted principals for a reason: {@code * (every principal in every AWS account), arn:…}. */
  static String describe(List<String> untrusted) {
    List<String> parts = new ArrayList<>();
    for (String p : untrusted) {
      parts.add(p.equals("*") ? "* (every principal in every AWS account)" : p);
    }
    return "principals outside the trusted accounts and organizations: " + String.join(", ", parts);
  }
}
