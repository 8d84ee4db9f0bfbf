package dev.endpointguard.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a statement's conditions confine its principal to trusted identities.
 *
 * @param bounded      true when at least one condition block requires a trusted identity (or an AWS service)
 * @param notes        caveats of the bounding block (e.g. an organization trusted as the account's own)
 * @param objections   why each identity, network or resource condition present does not bound the principal
 * @param allowsNobody when the blocks contradict each other (one key required to hold disjoint values, or to be
 *                     absent and present), why no request can meet them: the statement allows nothing
 */
record PerimeterVerdict(boolean bounded, List<String> notes, List<String> objections, Optional<String> allowsNobody) {
  PerimeterVerdict {
    notes = List.copyOf(notes);
    objections = List.copyOf(objections);
    Objects.requireNonNull(allowsNobody, "allowsNobody");
  }
}
