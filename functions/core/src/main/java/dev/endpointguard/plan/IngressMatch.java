package dev.endpointguard.plan;

import dev.endpointguard.model.IngressRule;
import java.util.Locale;

/** Whether two ingress rules admit the same traffic from the same source, as AWS compares them. */
final class IngressMatch {
  private IngressMatch() {
  }

  static boolean same(IngressRule a, IngressRule b) {
    if (!a.ipProtocol().equalsIgnoreCase(b.ipProtocol())) {
      return false;
    }
    // For all traffic (-1) AWS ignores the ports.
    boolean portsMatch = a.allTraffic() || (a.fromPort() == b.fromPort() && a.toPort() == b.toPort());
    return portsMatch && a.source().toLowerCase(Locale.ROOT).equals(b.source().toLowerCase(Locale.ROOT));
  }
}
