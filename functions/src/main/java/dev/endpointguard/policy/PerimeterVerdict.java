package dev.endpointguard.policy;

import java.util.List;

/**
 * Whether a statement's conditions confine its principal to trusted identities.
 *
 * @param bounded    true when at least one condition block requires a trusted identity
 * @param notes      caveats of the bounding block (e.g. an org id accepted without verification)
 * @param objections why each identity, network or resource condition present does not bound the principal
 */
record PerimeterVerdict(boolean bounded, List<String> notes, List<String> objections) {
  PerimeterVerdict {
    notes = List.copyOf(notes);
    objections = List.copyOf(objections);
  }
}
