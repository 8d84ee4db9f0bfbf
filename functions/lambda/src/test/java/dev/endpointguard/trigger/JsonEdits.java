package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.function.Function;

/** Builds a malformed event for a decoder test: a sample event with one part of it edited. */
final class JsonEdits {
  private JsonEdits() {
  }

  /**
   * {@code event} with {@code edit} applied to the object {@code part} picks out of it (its detail, its first record),
   * as the JSON text a handler receives.
   */
  static String edited(ObjectNode event, Function<ObjectNode, ObjectNode> part, Consumer<ObjectNode> edit) {
    edit.accept(part.apply(event));
    return event.toString();
  }
}
