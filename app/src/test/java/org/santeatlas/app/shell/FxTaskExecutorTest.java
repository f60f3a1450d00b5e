package org.santeatlas.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The JavaFX executor's contract: work off the FX thread, outcomes on it, cancel without leaks. */
class FxTaskExecutorTest {

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void shutdown() {
        executor.close();
    }

    @Test
    void workRunsOffTheFxThreadAndItsOutcomeArrivesOnIt() throws Exception {
        AtomicBoolean workOnFxThread = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> executor.execute(context -> {
            workOnFxThread.set(Platform.isFxApplicationThread());
            context.progress("open.summarizing");
            return 42;
        }, new Recorder<>(done)));

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(workOnFxThread).isFalse();
        assertThat(events).contains("succeeded 42 fx=true").doesNotContain("cancelled");
    }

    @Test
    void failureArrivesAsTheThrownException() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> executor.execute(context -> {
            throw new IllegalStateException("boom");
        }, new Recorder<>(done)));

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("failed boom fx=true");
    }

    @Test
    void resultOfCancelledWorkIsDiscardedNotDelivered() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch discarded = new CountDownLatch(1);
        AtomicBoolean sawCancel = new AtomicBoolean();
        AtomicReference<TaskExecutor.Handle> handle = new AtomicReference<>();
        TaskExecutor.Work<String> work = new TaskExecutor.Work<>() {
            @Override
            public String run(TaskExecutor.Context context) throws Exception {
                running.countDown();
                release.await();
                sawCancel.set(context.isCancelled());
                return "workspace";
            }

            @Override
            public void discard(String result) {
                events.add("discarded " + result);
                discarded.countDown();
            }
        };
        Platform.runLater(() -> handle.set(executor.execute(work, new Recorder<>(cancelled))));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        WaitForAsyncUtils.asyncFx(() -> handle.get().cancel()).get(5, TimeUnit.SECONDS);
        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();

        assertThat(discarded.await(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sawCancel).isTrue();
        assertThat(events).containsExactly("cancelled fx=true", "discarded workspace");
    }

    /** Records outcomes with the thread they arrived on. */
    private final class Recorder<T> implements TaskExecutor.Listener<T> {
        private final CountDownLatch done;

        Recorder(CountDownLatch done) {
            this.done = done;
        }

        @Override
        public void succeeded(T result) {
            events.add("succeeded " + result + " fx=" + Platform.isFxApplicationThread());
            done.countDown();
        }

        @Override
        public void failed(Throwable error) {
            events.add("failed " + error.getMessage() + " fx=" + Platform.isFxApplicationThread());
            done.countDown();
        }

        @Override
        public void cancelled() {
            events.add("cancelled fx=" + Platform.isFxApplicationThread());
            done.countDown();
        }
    }
}
