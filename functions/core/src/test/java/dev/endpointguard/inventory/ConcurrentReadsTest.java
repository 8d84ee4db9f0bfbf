package dev.endpointguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

class ConcurrentReadsTest {

  @Test
  void start_twoReadsThatEachWaitForTheOther_bothFinish() throws Exception {
    // One after the other, each would wait for the other until the barrier's timeout and fail.
    CyclicBarrier both = new CyclicBarrier(2);
    CompletableFuture<String> a = ConcurrentReads.start(() -> await(both, "a"));
    CompletableFuture<String> b = ConcurrentReads.start(() -> await(both, "b"));
    assertThat(ConcurrentReads.join(a)).isEqualTo("a");
    assertThat(ConcurrentReads.join(b)).isEqualTo("b");
  }

  @Test
  void each_resultsInTheOrderOfTheItems_whateverOrderTheyFinishIn() {
    // Nine items in runs 0-1, 2-3, 4-5, 6-8: the first of the last run finishes first; the other runs wait until it
    // has.
    CountDownLatch lastRunDone = new CountDownLatch(1);
    List<Integer> items = IntStream.range(0, 9).boxed().toList();
    List<String> results = ConcurrentReads.each(items, i -> {
      if (i == 6) {
        lastRunDone.countDown();
      } else if (i < 6) {
        awaitLatch(lastRunDone);
      }
      return "vpc-" + i;
    });
    assertThat(results).containsExactly("vpc-0", "vpc-1", "vpc-2", "vpc-3", "vpc-4", "vpc-5", "vpc-6", "vpc-7",
        "vpc-8");
  }

  @Test
  void each_neverMoreThanPerKindInFlight_andReadsEveryItemOnce() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ConcurrentLinkedQueue<Integer> read = new ConcurrentLinkedQueue<>();
    List<Integer> items = IntStream.range(0, 40).boxed().toList();
    ConcurrentReads.each(items, i -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      sleep(2);
      read.add(i);
      inFlight.decrementAndGet();
      return i;
    });
    assertThat(most.get()).isBetween(1, ConcurrentReads.PER_KIND);
    assertThat(read).containsExactlyInAnyOrderElementsOf(items);
  }

  @Test
  void each_aReadThrows_theFirstFailureInItemOrderIsRethrownAsItIs_afterEveryRunEnded() {
    Ec2Exception denied = (Ec2Exception) Ec2Exception.builder().message("UnauthorizedOperation").statusCode(403)
        .build();
    RuntimeException later = new IllegalStateException("later item");
    List<Integer> finished = new ArrayList<>();
    List<Integer> items = IntStream.range(0, 8).boxed().toList();
    assertThatThrownBy(() -> ConcurrentReads.each(items, i -> {
      if (i == 2) {
        throw denied;
      }
      if (i == 6) {
        throw later;
      }
      // The run of 4 and 5 takes far longer than the others: only waiting for every run sees it finished.
      sleep(i >= 4 ? 150 : 20);
      synchronized (finished) {
        finished.add(i);
      }
      return i;
    })).isSameAs(denied);
    // Runs are neighbours (0-1, 2-3, 4-5, 6-7): the run holding 2 stopped there, the one holding 6 too; the others
    // had ended before the exception came back, so nothing was left running.
    synchronized (finished) {
      assertThat(finished).containsExactlyInAnyOrder(0, 1, 4, 5);
    }
  }

  @Test
  void settle_twoReadsFail_theFirstInTheOrderGivenIsThrownAsItIs_theLaterSuppressed_afterBothEnded() {
    RuntimeException slowFirst = new IllegalStateException("the read given first, which ends last");
    RuntimeException quickSecond = new IllegalArgumentException("the read given second");
    CompletableFuture<Object> first = ConcurrentReads.start(() -> {
      sleep(150);
      throw slowFirst;
    });
    CompletableFuture<Object> second = ConcurrentReads.here(() -> {
      throw quickSecond;
    });

    assertThatThrownBy(() -> ConcurrentReads.settle(first, second)).isSameAs(slowFirst);
    assertThat(slowFirst.getSuppressed()).containsExactly(quickSecond);
    assertThat(first).isDone();
  }

  @Test
  void settle_noneFails_returns_andHereKeepsAFailureInsteadOfThrowingIt() {
    CompletableFuture<String> ok = ConcurrentReads.start(() -> "vpc-1");
    ConcurrentReads.settle(ok, ConcurrentReads.here(() -> "sg-1"));
    assertThat(ok.join()).isEqualTo("vpc-1");

    CompletableFuture<Object> kept = ConcurrentReads.here(() -> {
      throw new IllegalStateException("kept");
    });
    assertThat(kept).isCompletedExceptionally();
  }

  @Test
  void each_noItemOrOne_readOnTheCallersThread() {
    Thread caller = Thread.currentThread();
    assertThat(ConcurrentReads.each(List.<String>of(), s -> s)).isEmpty();
    assertThat(ConcurrentReads.each(List.of("vpc-1"), s -> Thread.currentThread() == caller)).containsExactly(true);
  }

  @Test
  void join_errorInTheRead_rethrownAsItIs() {
    AssertionError error = new AssertionError("boom");
    CompletableFuture<Object> read = ConcurrentReads.start(() -> {
      throw error;
    });
    assertThatThrownBy(() -> ConcurrentReads.join(read)).isSameAs(error);
  }

  @Test
  void start_readsRunOnDaemonThreads_soTheyNeverHoldTheProcessOpen() {
    CompletableFuture<Boolean> daemon = ConcurrentReads.start(() -> Thread.currentThread().isDaemon());
    assertThat(ConcurrentReads.join(daemon)).isTrue();
  }

  private static String await(CyclicBarrier barrier, String value) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
      return value;
    } catch (Exception e) {
      throw new IllegalStateException("the other read never ran beside this one", e);
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the last item was never read beside the others");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
