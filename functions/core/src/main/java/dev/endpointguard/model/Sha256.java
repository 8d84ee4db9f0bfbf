package dev.endpointguard.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex: the plan file's digest, and the deduplication id of a message to a FIFO topic or queue
 * (https://docs.aws.amazon.com/sns/latest/dg/fifo-message-dedup.html).
 */
public final class Sha256 {
  private Sha256() {
  }

  /** The SHA-256 of {@code bytes}: 64 lower-case hex digits. */
  public static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes: 64 lower-case hex digits. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }
}
