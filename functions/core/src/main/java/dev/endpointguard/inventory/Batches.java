package dev.endpointguard.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits id lists so that one filter never carries more values than EC2 accepts. */
final class Batches {
  /** EC2 caps the values of one filter without documenting the cap per call; 200 per request is a safe margin. */
  static final int FILTER_VALUES = 200;

  private Batches() {
  }

  static <T> List<List<T>> of(Collection<T> items, int size) {
    List<T> all = List.copyOf(items);
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      batches.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return batches;
  }
}
