package dev.endpointguard.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs reads that do not depend on each other side by side, so that one scan waits for AWS's round trips together
 * rather than one after the other (docs/performance.md, "Reads side by side"). The threads are daemon threads of one
 * shared pool, made on demand and ended after a minute idle; every caller waits for what it started before it returns,
 * so no read outlives the scan that asked for it, and when every read succeeds the calls made are exactly those made
 * one after the other (when one fails, the others still finish theirs).
 *
 * <p>Each read reports its problems into a list of its own, which the caller appends in a fixed order, and a caller
 * that started several reads {@link #settle settles} them in the order they used to run: the result, its problems and
 * the exception thrown when reads fail do not depend on which read finished first.
 */
final class ConcurrentReads {
  /** Reads of one kind in flight at once for one caller, e.g. DescribeVpcAttribute calls of one inventory. */
  static final int PER_KIND = 4;

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "endpoint-guard-read-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private ConcurrentReads() {
  }

  /**
   * Starts {@code read} on the pool; {@link #join} gives its result. Never throws: a read that cannot be started (no
   * thread to be had) is a failed read.
   */
  static <T> CompletableFuture<T> start(Supplier<T> read) {
    try {
      return CompletableFuture.supplyAsync(read, POOL);
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Runs {@code read} on the caller's thread; a failure is kept in the result, to {@link #settle} with the others. */
  static <T> CompletableFuture<T> here(Supplier<T> read) {
    try {
      return CompletableFuture.completedFuture(read.get());
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Waits for every read; then, if any failed, throws the failure of the first of them in the order given — the order
   * they ran in one after the other — with the later failures attached as suppressed.
   *
   * @throws RuntimeException the first failure as the read threw it (an AWS {@code SdkException}, say)
   * @throws Error            the same, for an error
   */
  static void settle(CompletableFuture<?>... inOrder) {
    CompletableFuture.allOf(inOrder).exceptionally(e -> null).join();
    Throwable first = null;
    for (CompletableFuture<?> read : inOrder) {
      Throwable failure = read.handle((value, e) -> e == null ? null : unwrap(e)).join();
      if (failure == null) {
        continue;
      }
      if (first == null) {
        first = failure;
      } else if (failure != first) {
        first.addSuppressed(failure);
      }
    }
    if (first != null) {
      throw rethrow(first);
    }
  }

  /** Throws {@code failure} as itself when it is unchecked, else inside a {@link CompletionException}. */
  private static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    throw new CompletionException(failure);
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  /**
   * The result of a read started with {@link #start}, waiting for it if needed.
   *
   * @throws RuntimeException the very exception the read threw (an AWS {@code SdkException}, say), not a wrapper,
   *                          so that callers handle it as when the read ran on their own thread
   * @throws Error            an error the read threw
   */
  static <T> T join(CompletableFuture<T> started) {
    try {
      return started.join();
    } catch (CompletionException e) {
      throw rethrow(unwrap(e));
    }
  }

  /**
   * {@code read} applied to every item, at most {@link #PER_KIND} at once: the items are cut into that many runs of
   * neighbours, each run read in order on a thread of the pool.
   *
   * @return the results in the order of {@code items}
   * @throws RuntimeException the exception of the first item, in the order of {@code items}, whose read threw; the
   *                          other runs are still waited for, so nothing is left running
   */
  static <T, R> List<R> each(List<T> items, Function<T, R> read) {
    if (items.size() <= 1) {
      return items.stream().map(read).toList();
    }
    int runs = Math.min(PER_KIND, items.size());
    List<CompletableFuture<List<R>>> started = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      List<T> slice = items.subList(items.size() * run / runs, items.size() * (run + 1) / runs);
      started.add(start(() -> slice.stream().map(read).toList()));
    }
    CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    List<R> results = new ArrayList<>(items.size());
    for (CompletableFuture<List<R>> run : started) {
      results.addAll(join(run));
    }
    return results;
  }
}
