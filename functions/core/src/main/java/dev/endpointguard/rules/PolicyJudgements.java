package dev.endpointguard.rules;

import dev.endpointguard.policy.NarrowingCheck;
import dev.endpointguard.policy.PolicyAnalysis;
import dev.endpointguard.policy.PolicyAnalyzer;
import dev.endpointguard.policy.PolicyNarrower;
import dev.endpointguard.policy.TrustedIdentities;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The analysis and narrowing of one policy document for one set of trusted identities and one endpoint service,
 * remembered: the endpoints of an account share a handful of documents (the default, a team template), and parsing,
 * narrowing and proving the narrowed copy is most of a sweep's CPU time. Pure: the same inputs always give the same
 * judgement, and the key holds every input (the service name decides which AWS-owned resources the narrowing keeps).
 */
final class PolicyJudgements {
  private static final int CAPACITY = 512;

  /** What the policy analysis says, and, for a broad policy, the narrowed copy and its safety check. */
  record Judgement(PolicyAnalysis analysis, Optional<PolicyNarrower.Narrowing> narrowed, Optional<String> violation) {
  }

  /**
   * What a judgement depends on. The service matters only through {@link PolicyNarrower#serviceDependence}: keying by
   * the service name would analyse the same document once per service (hundreds of times on an estate whose
   * endpoints share a few documents).
   */
  private record Key(String document, String previous, TrustedIdentities trust, Optional<String> s3Region) {
  }

  private final Map<Key, Judgement> remembered = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Judgement> eldest) {
          return size() > CAPACITY;
        }
      });

  /**
   * {@code previous}: the policy AWS applies now (the default one when the document is empty); {@code serviceName}:
   * the endpoint's service, e.g. {@code com.amazonaws.us-east-1.s3}.
   */
  Judgement judge(String document, String previous, TrustedIdentities trust, String serviceName) {
    return remembered.computeIfAbsent(
        new Key(document, previous, trust, PolicyNarrower.serviceDependence(serviceName)),
        k -> compute(document, previous, trust, serviceName));
  }

  private static Judgement compute(String document, String previous, TrustedIdentities trust, String serviceName) {
    PolicyAnalysis analysis = PolicyAnalyzer.analyze(document, trust);
    if (!analysis.parsed() || !analysis.broad()) {
      return new Judgement(analysis, Optional.empty(), Optional.empty());
    }
    Optional<PolicyNarrower.Narrowing> narrowed = PolicyNarrower.narrow(document, trust, serviceName);
    Optional<String> violation = narrowed.flatMap(n -> NarrowingCheck.violation(previous, n.policy()));
    return new Judgement(analysis, narrowed, violation);
  }
}
