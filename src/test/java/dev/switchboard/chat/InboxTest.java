package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The part both front ends share: redeliveries dropped, work on the pool, a busy notice when it is full. */
final class InboxTest {

  private final CommandPool pool = new CommandPool(1);
  private final Inbox inbox = new Inbox(new Deliveries(Ticker.systemTicker()), pool);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    inbox.close();
    pool.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void take_sameDeliveryTwice_runsItOnce() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    Runnable work = () -> {
      runs.incrementAndGet();
      ran.countDown();
    };

    assertThat(inbox.take("webex:m1", work, "room|ana", refused -> {})).isEqualTo(Fate.STARTED);
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(inbox.take("webex:m1", work, "room|ana", refused -> {})).isEqualTo(Fate.DUPLICATE);
    assertThat(runs).hasValue(1);
  }

  @Test
  void take_poolFull_postsTheBusyNotice_andSaysBusy() throws Exception {
    assertThat(pool.trySubmit(this::hold)).isTrue();
    CountDownLatch noticed = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();

    Fate fate = inbox.take("slack:e1", runs::incrementAndGet, "C1|ana", refused -> noticed.countDown());

    assertThat(fate).isEqualTo(Fate.BUSY);
    assertThat(noticed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(runs).hasValue(0);
  }

  @Test
  void take_poolFull_manyFromOnePlace_foldIntoOneNoticeThatCountsThem_andNoneIsDropped() throws Exception {
    assertThat(pool.trySubmit(this::hold)).isTrue();
    CountDownLatch posting = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    java.util.Map<String, Integer> posted = new java.util.concurrent.ConcurrentHashMap<>();
    // The first notice is slow to post; meanwhile Bob sends five and Cy one: none is dropped, Bob's fold into one.
    inbox.take("e0", () -> {}, "C1|ana", refused -> {
      posting.countDown();
      await(done);
      posted.put("ana", refused);
    });
    assertThat(posting.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i <= 5; i++) {
      assertThat(inbox.take("b" + i, () -> {}, "C1|bob", refused -> posted.put("bob", refused))).isEqualTo(Fate.BUSY);
    }
    inbox.take("c1", () -> {}, "C1|cy", refused -> posted.put("cy", refused));
    assertThat(inbox.noticesWaiting()).isEqualTo(2);
    done.countDown();

    dev.switchboard.Await.until(() -> posted.size() == 3 ? java.util.Optional.of(true) : java.util.Optional.empty());
    assertThat(posted).containsEntry("ana", 1).containsEntry("bob", 5).containsEntry("cy", 1);
    assertThat(Inbox.busy(5)).contains("did not run your last 5 commands");
  }

  @Test
  void admitAnswered_withoutAnId_isNeverADuplicate_andABusyOneIsToldInItsAnswerAlone() {
    assertThat(pool.trySubmit(this::hold)).isTrue();
    AtomicInteger notices = new AtomicInteger();

    assertThat(inbox.admitAnswered(null, () -> {}, "C1|ana", refused -> notices.incrementAndGet()).start())
        .isEqualTo(Fate.BUSY);
    assertThat(inbox.admitAnswered(null, () -> {}, "C1|ana", refused -> notices.incrementAndGet()).start())
        .isEqualTo(Fate.BUSY);
    inbox.close();
    assertThat(notices).as("the request's own answer says busy: no notice besides").hasValue(0);
  }

  @Test
  void aCommandPromisedInItsAnswer_butNotStartedBecauseThePoolShutDown_getsTheBusyNotice() {
    AtomicInteger ran = new AtomicInteger();
    java.util.List<Integer> noticed = new java.util.concurrent.CopyOnWriteArrayList<>();
    Inbox.Admission answered = inbox.admitAnswered("slack:t1", ran::incrementAndGet, "C1|ana", noticed::add);
    assertThat(answered.fate()).as("its answer says it runs").isEqualTo(Fate.STARTED);

    pool.shutdown(Duration.ofSeconds(5));

    assertThat(answered.start()).isEqualTo(Fate.BUSY);
    inbox.close(); // posts what is waiting before it returns
    assertThat(noticed).as("told it was not run").containsExactly(1);
    assertThat(ran).hasValue(0);
  }

  @Test
  void aWebhookCommandAdmitted_butNotStartedBecauseThePoolShutDown_getsTheBusyNotice() {
    java.util.List<Integer> noticed = new java.util.concurrent.CopyOnWriteArrayList<>();
    Inbox.Admission admitted = inbox.admit("webex:m1", () -> {}, "room|ana", noticed::add);
    pool.shutdown(Duration.ofSeconds(5));

    assertThat(admitted.start()).isEqualTo(Fate.BUSY);
    inbox.close();
    assertThat(noticed).containsExactly(1);
  }

  @Test
  void close_postsTheNoticesStillWaiting_beforeItReturns() throws Exception {
    CountDownLatch firstPosting = new CountDownLatch(1);
    CountDownLatch letItPost = new CountDownLatch(1);
    java.util.List<String> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
    assertThat(pool.trySubmit(this::hold)).isTrue();
    inbox.take("e0", () -> {}, "C1|ana", refused -> {
      firstPosting.countDown();
      await(letItPost);
      posted.add("ana");
    });
    assertThat(firstPosting.await(10, TimeUnit.SECONDS)).isTrue();
    inbox.take("e1", () -> {}, "C1|bob", refused -> posted.add("bob"));
    inbox.take("e2", () -> {}, "C1|cy", refused -> posted.add("cy"));
    assertThat(inbox.noticesWaiting()).isEqualTo(2);

    letItPost.countDown();
    inbox.close(Duration.ofSeconds(10));

    assertThat(posted).containsExactly("ana", "bob", "cy");
    assertThat(inbox.noticesWaiting()).isZero();
  }

  @Test
  void admit_holdsThePlace_butRunsNothing_untilStarted() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);

    Inbox.Admission admission = inbox.admitAnswered("slack:t1", ran::countDown, "C1|ana", refused -> {});

    assertThat(admission.fate()).isEqualTo(Fate.STARTED);
    assertThat(admission.starts()).isTrue();
    assertThat(pool.inFlight()).as("its place is held").isEqualTo(1);
    assertThat(inbox.admitAnswered("slack:t2", () -> {}, "C1|ana", refused -> {}).fate())
        .as("the pool of one is full").isEqualTo(Fate.BUSY);
    assertThat(ran.getCount()).as("not run before start").isEqualTo(1);

    assertThat(admission.start()).isEqualTo(Fate.STARTED);
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(admission::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void admit_aDuplicateOrABusyOne_hasNothingToStart_andTheBusyNoticeIsPostedAnyway() throws Exception {
    inbox.admit("webex:m1", () -> {}, "room|ana", refused -> {}).start();
    assertThat(inbox.admit("webex:m1", () -> {}, "room|ana", refused -> {}).starts()).isFalse();
    dev.switchboard.Await.until(() -> pool.inFlight() == 0 ? java.util.Optional.of(true) : java.util.Optional.empty());

    assertThat(pool.trySubmit(this::hold)).isTrue();
    CountDownLatch noticed = new CountDownLatch(1);
    Inbox.Admission busy = inbox.admit("webex:m2", () -> {}, "room|ana", refused -> noticed.countDown());
    assertThat(busy.fate()).isEqualTo(Fate.BUSY);
    assertThat(busy.starts()).isFalse();
    assertThat(noticed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(busy.start()).isEqualTo(Fate.BUSY);
  }

  @Test
  void metric_isTheLowerCaseName() {
    assertThat(Fate.FROM_BOT.metric()).isEqualTo("from_bot");
    assertThat(Fate.STARTED.metric()).isEqualTo("started");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void hold() {
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
