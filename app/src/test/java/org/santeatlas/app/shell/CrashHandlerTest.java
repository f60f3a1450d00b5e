package org.santeatlas.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashHandlerTest {

    @TempDir
    Path dir;

    @Test
    void anUncaughtErrorIsAppendedToTheLogWithItsThreadAndStack() throws Exception {
        CrashHandler handler = new CrashHandler(dir.resolve("data"), () -> Messages.forLocale(Locale.FRANCE));
        Thread t = new Thread(() -> { }, "santeatlas-worker");

        assertThat(handler.write(t, new IllegalStateException("première panne"))).isTrue();
        assertThat(handler.write(t, new ArithmeticException("seconde"))).isTrue();

        String log = Files.readString(dir.resolve("data").resolve(CrashHandler.LOG_FILE));
        assertThat(log).contains("uncaught in thread santeatlas-worker", "IllegalStateException: première panne",
                "ArithmeticException: seconde", "at org.santeatlas.app.shell.CrashHandlerTest");
        assertThat(Messages.forLocale(Locale.FRANCE).get("crash.text", "X", handler.logFile()))
                .contains(handler.logFile().toString()).doesNotContain("at org.");
    }
}
