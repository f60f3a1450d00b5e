package org.santeatlas.importers.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.period.PeriodType;

/** The HTTP side of the pull, request by request, and the small values it is built on. */
class Dhis2ClientTest {

    @TempDir
    Path dir;
    MockWebServer server;
    List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    Dhis2Client client(int attempts) throws PullException {
        PullOptions options = PullOptions.DEFAULTS.withRetry(new RetryPolicy(attempts, Duration.ofMillis(100),
                Duration.ofMillis(250))).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        return new Dhis2Client(ServerUrl.parse(server.url("/dhis").toString()), Dhis2Credentials.token("d2pat_abc"),
                options, waits::add);
    }

    static MockResponse ok(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingWaits() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setResponseCode(502));
        server.enqueue(ok("{\"dataValues\":[]}"));
        try (Dhis2Client c = client(5)) {
            Path target = dir.resolve("a.json");
            Dhis2Client.Download d = c.download(server.url("/dhis/api/dataValueSets.json"), target, b -> { });
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(Files.readString(target)).isEqualTo("{\"dataValues\":[]}");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
        RecordedRequest first = server.takeRequest();
        assertThat(first.getHeader("Authorization")).isEqualTo("ApiToken d2pat_abc");
        assertThat(first.getHeader("Accept")).isEqualTo("application/json");
        // Equal jitter: the first wait within [50, 100] ms, the second within [100, 200] ms.
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0).toMillis()).isBetween(50L, 100L);
        assertThat(waits.get(1).toMillis()).isBetween(100L, 200L);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(409).setHeader("Content-Type", "application/json")
                .setBody("{\"httpStatus\":\"Conflict\",\"httpStatusCode\":409,\"status\":\"ERROR\","
                        + "\"message\":\"At least one valid data set must be specified\"}"));
        try (Dhis2Client c = client(5)) {
            assertThatThrownBy(() -> c.download(server.url("/dhis/api/dataValueSets.json"), dir.resolve("a"), b -> { }))
                    .isInstanceOfSatisfying(PullException.class, e -> {
                        assertThat(e.kind()).isEqualTo(PullException.Kind.REFUSED);
                        assertThat(e.problem().args()).containsExactly("409",
                                "At least one valid data set must be specified");
                    });
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCutBodyIsRetriedUntilTheAttemptsRunOut() throws Exception {
        for (int i = 0; i < 2; i++) {
            server.enqueue(ok("{\"dataValues\":[" + "{\"value\":\"1\"},".repeat(5000) + "{}]}")
                    .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        }
        try (Dhis2Client c = client(2)) {
            assertThatThrownBy(() -> c.download(server.url("/dhis/api/dataValueSets.json"), dir.resolve("a"), b -> { }))
                    .isInstanceOfSatisfying(PullException.class, e -> {
                        assertThat(e.kind()).isEqualTo(PullException.Kind.NETWORK);
                        assertThat(e.problem().key()).isEqualTo("pull.gaveUp");
                        assertThat(e.problem().args().get(0)).isEqualTo("2");
                    });
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRedirectToTheLoginPageMeansRefusedCredentialsAndIsNotFollowed() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(302)
                .setHeader("Location", "/dhis/dhis-web-commons/security/login.action"));
        try (Dhis2Client c = client(3)) {
            assertThatThrownBy(() -> c.download(server.url("/dhis/api/system/info.json"), dir.resolve("a"), b -> { }))
                    .isInstanceOfSatisfying(PullException.class, e ->
                            assertThat(e.kind()).isEqualTo(PullException.Kind.AUTH));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aWebPageInsteadOfJsonIsRefused() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html></html>"));
        try (Dhis2Client c = client(3)) {
            assertThatThrownBy(() -> c.download(server.url("/dhis/api/system/info.json"), dir.resolve("a"), b -> { }))
                    .isInstanceOfSatisfying(PullException.class, e ->
                            assertThat(e.problem().key()).isEqualTo("pull.notJson"));
        }
    }

    @Test
    void serverAddressesAreHttpOnlyWithoutCredentialsAndCutToTheirBase() throws Exception {
        assertThat(ServerUrl.parse("https://snis.example.org/dhis/api/33/dataSets?x=1").display())
                .isEqualTo("https://snis.example.org/dhis");
        assertThat(ServerUrl.parse(" https://snis.example.org/dhis-web-dashboard/#/ ").display())
                .isEqualTo("https://snis.example.org");
        assertThat(ServerUrl.parse("http://localhost:8080/").insecure()).isFalse();
        assertThat(ServerUrl.parse("http://127.0.0.1:8080/").insecure()).isFalse();
        assertThat(ServerUrl.parse("http://snis.example.org").insecure()).isTrue();
        assertThat(ServerUrl.parse("https://snis.example.org").insecure()).isFalse();
        assertThatThrownBy(() -> ServerUrl.parse("ftp://snis.example.org"))
                .isInstanceOfSatisfying(PullException.class, e -> assertThat(e.problem().key()).isEqualTo("pull.badUrl"));
        assertThatThrownBy(() -> ServerUrl.parse("https://admin:district@snis.example.org"))
                .isInstanceOfSatisfying(PullException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("pull.credentialsInUrl");
                    assertThat(e.getMessage()).doesNotContain("district");
                });
    }

    @Test
    void credentialsNeverShowInTheirText() {
        Dhis2Credentials token = Dhis2Credentials.token("d2pat_secret");
        Dhis2Credentials basic = Dhis2Credentials.userPassword("admin", "district".toCharArray());
        assertThat(token.toString()).doesNotContain("secret");
        assertThat(basic.toString()).doesNotContain("district");
        assertThat(basic.authorization()).isEqualTo("Basic YWRtaW46ZGlzdHJpY3Q=");
    }

    @Test
    void periodChunksFollowTheDataSetsPeriodsSoThatNoneStraddlesACut() {
        // ISO weeks: 2025W1 (2024-12-30 to 2025-01-05) goes with the block it starts in; 2026W1 ends after
        // the range and is left out, as DHIS2 would.
        List<PeriodChunks.Range> weeks = PeriodChunks.split(PeriodType.WEEKLY, LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31), 12);
        assertThat(weeks).extracting(r -> r.start() + ".." + r.end())
                .containsExactly("2024-01-01..2025-01-05", "2025-01-06..2025-12-28");
        List<PeriodChunks.Range> months = PeriodChunks.split(PeriodType.MONTHLY, LocalDate.of(2023, 2, 15),
                LocalDate.of(2023, 12, 31), 3);
        assertThat(months).extracting(r -> r.start() + ".." + r.end())
                .containsExactly("2023-03-01..2023-03-31", "2023-04-01..2023-06-30", "2023-07-01..2023-09-30",
                        "2023-10-01..2023-12-31");
        List<PeriodChunks.Range> july = PeriodChunks.split(PeriodType.FINANCIAL_JULY, LocalDate.of(2023, 1, 1),
                LocalDate.of(2024, 12, 31), 12);
        assertThat(july).extracting(r -> r.start() + ".." + r.end()).containsExactly("2023-07-01..2024-06-30");
        assertThat(PeriodChunks.split(PeriodType.YEARLY, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 12, 31), 12))
                .isEmpty();
    }

    @Test
    void retryWaitsDoubleUpToTheirCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofSeconds(60));
        SplittableRandom random = new SplittableRandom(1);
        for (int attempt = 1; attempt <= 9; attempt++) {
            long full = Math.min(60_000, 2_000L << (attempt - 1));
            assertThat(p.delayAfter(attempt, random).toMillis()).isBetween(full / 2, full);
        }
    }
}
