package dev.endpointguard.aws;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A value made on first use, once, thread-safely: a client that a function may never need costs nothing at start. */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> make;
  private T value;

  Lazy(Supplier<T> make) {
    this.make = Objects.requireNonNull(make, "make");
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = Objects.requireNonNull(make.get(), "made null");
    }
    return value;
  }

  /** Runs {@code action} on the value if it was made; makes nothing. */
  synchronized void ifMade(Consumer<T> action) {
    if (value != null) {
      action.accept(value);
    }
  }
}
