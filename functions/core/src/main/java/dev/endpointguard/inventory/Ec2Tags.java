package dev.endpointguard.inventory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2 tag lists as maps; tags without a key are dropped, a missing value reads as empty. */
final class Ec2Tags {
  private Ec2Tags() {
  }

  static Map<String, String> toMap(List<Tag> tags) {
    Map<String, String> map = new TreeMap<>();
    for (Tag t : tags) {
      if (t.key() != null) {
        map.put(t.key(), t.value() == null ? "" : t.value());
      }
    }
    return map;
  }
}
