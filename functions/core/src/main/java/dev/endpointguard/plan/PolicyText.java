package dev.endpointguard.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compares endpoint policy documents as JSON values, not strings: AWS may return a policy re-formatted (whitespace,
 * key order), so a byte comparison would report drift that is not there.
 */
final class PolicyText {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyText() {
  }

  static boolean same(String a, String b) {
    try {
      JsonNode left = JSON.readTree(a);
      JsonNode right = JSON.readTree(b);
      return left != null && left.equals(right);
    } catch (JsonProcessingException e) {
      return a.strip().equals(b.strip());
    }
  }
}
