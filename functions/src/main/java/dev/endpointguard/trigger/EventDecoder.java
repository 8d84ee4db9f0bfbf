package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;

/**
 * Turns one raw event, in any form Lambda hands it over, into a {@link Decoded}. Pure (no AWS, no clock) and never
 * throws: malformed, oversized (over 256 KB), foreign or unknown events come back as {@link Rejected}.
 */
public interface EventDecoder {

  Decoded decode(String json);

  Decoded decode(InputStream json);

  Decoded decode(JsonNode event);
}
