package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;

/**
 * Turns one raw event, in any form Lambda hands it over, into a {@link Decoded}. Pure (no AWS, no clock) and never
 * throws: malformed, oversized (over 256 KB), foreign or unknown events come back as {@link Rejected}. A field no
 * handler reads is still checked, not kept: a malformed one still marks the event as malformed.
 */
public abstract class EventDecoder {

  public final Decoded decode(String json) {
    return EventJson.decode(json, this::decodeEvent);
  }

  public final Decoded decode(InputStream json) {
    return EventJson.decode(json, this::decodeEvent);
  }

  /** Decodes a parsed, size-checked event; may throw on a bad shape, which {@link EventJson} turns into Rejected. */
  protected abstract Decoded decodeEvent(JsonNode event);
}
