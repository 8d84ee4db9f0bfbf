package dev.endpointguard.plan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 CIDR block, parsed without any name lookup. */
public record Cidr(String text, boolean ipv6, int prefixLength) {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  /** The block, or empty when the text is not a CIDR (a group id, a prefix list id, a bare address, garbage). */
  public static Optional<Cidr> parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      return Optional.empty();
    }
    String address = text.substring(0, slash);
    Optional<Integer> prefix = number(text.substring(slash + 1));
    if (prefix.isEmpty()) {
      return Optional.empty();
    }
    if (IPV4.matcher(address).matches()) {
      for (String octet : address.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return Optional.empty();
        }
      }
      return prefix.get() <= 32 ? Optional.of(new Cidr(text, false, prefix.get())) : Optional.empty();
    }
    // Only a text of hex digits, dots and colons reaches InetAddress, which parses such a literal without DNS.
    if (IPV6.matcher(address).matches() && prefix.get() <= 128 && isIpv6Literal(address)) {
      return Optional.of(new Cidr(text, true, prefix.get()));
    }
    return Optional.empty();
  }

  /** True for 0.0.0.0/0 and ::/0 (and any other spelling of a zero-length prefix): the whole internet. */
  public boolean wholeInternet() {
    return prefixLength == 0;
  }

  /**
   * True when every address of {@code other} is in this block: same address family, a prefix no longer than
   * {@code other}'s, and the same leading {@code prefixLength} bits.
   */
  public boolean contains(Cidr other) {
    if (ipv6 != other.ipv6 || prefixLength > other.prefixLength) {
      return false;
    }
    byte[] mine = addressBytes();
    byte[] theirs = other.addressBytes();
    int bits = prefixLength;
    for (int i = 0; bits > 0; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
      if (((mine[i] ^ theirs[i]) & mask) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The address part of the text as 4 or 16 bytes (the text was validated by {@link #parse}). */
  private byte[] addressBytes() {
    String address = text.substring(0, text.indexOf('/'));
    if (!ipv6) {
      String[] octets = address.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        bytes[i] = (byte) Integer.parseInt(octets[i]);
      }
      return bytes;
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an IPv6 literal: " + address, e);
    }
  }

  private static Optional<Integer> number(String digits) {
    if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(digits));
  }

  private static boolean isIpv6Literal(String address) {
    try {
      return InetAddress.getByName(address).getAddress().length == 16;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
