package org.santeatlas.importers.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.santeatlas.core.store.Problem;

/**
 * HTTP to one DHIS2 server: GET requests whose bodies go to a file, with retries ({@link RetryPolicy}) and
 * the credentials in the {@code Authorization} header of every request.
 *
 * <p>TLS certificates are always verified (the JVM's trust store; there is deliberately no way to turn
 * this off). Redirects are not followed: DHIS2 answers a failed sign-in with a redirect to its login page,
 * and following a redirect elsewhere could send the credentials to another host or in clear.
 *
 * <p>Blocking; one thread at a time. Interrupting it cancels the request under way at once ({@link
 * PullException.Kind#CANCELLED}). The body is read on OkHttp's thread while the caller waits, so that
 * progress ({@code onBytes}) is reported on the caller's thread, at most ten times a second.
 */
final class Dhis2Client implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long POLL_MILLIS = 100;
    /** Bytes of an error answer kept for its message. */
    private static final int ERROR_EXCERPT = 2000;

    private final ServerUrl server;
    private final Dhis2Credentials credentials;
    private final RetryPolicy retry;
    private final OkHttpClient http;
    private final ExecutorService executor;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    /** Waits between attempts; tests replace it to record the delays. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    Dhis2Client(ServerUrl server, Dhis2Credentials credentials, PullOptions options) {
        this(server, credentials, options, d -> Thread.sleep(d.toMillis()));
    }

    Dhis2Client(ServerUrl server, Dhis2Credentials credentials, PullOptions options, Sleeper sleeper) {
        this.server = server;
        this.credentials = credentials;
        this.retry = options.retry();
        this.sleeper = sleeper;
        this.random = new Random();
        // Daemon threads: a finished CLI must not wait a minute for OkHttp's idle threads.
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "santeatlas-pull-http");
                    t.setDaemon(true);
                    return t;
                });
        this.http = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(executor))
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .callTimeout(Duration.ZERO)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    /** What a successful download gave. */
    record Download(long bytes, Instant requested, Optional<Instant> serverDate, int attempts) {
    }

    /** A small JSON answer (system info, one org unit), read into memory. */
    JsonNode getJson(HttpUrl url, Path scratch) throws PullException {
        download(url, scratch, b -> { });
        try {
            return MAPPER.readTree(scratch.toFile());
        } catch (IOException e) {
            throw badAnswer(url, e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // the private temporary folder is deleted as a whole at the end of the pull
            }
        }
    }

    /**
     * GETs {@code url} into {@code target} (replaced), retrying as the policy says. On return the file
     * holds the whole body; a body cut short is an attempt that failed, never a short file.
     *
     * @param onBytes bytes of this attempt received so far, on the caller's thread
     */
    Download download(HttpUrl url, Path target, LongConsumer onBytes) throws PullException {
        for (int attempt = 1; ; attempt++) {
            Instant requested = Instant.now();
            Outcome outcome = attempt(url, target, onBytes);
            if (outcome.ok()) {
                return new Download(outcome.bytes, requested, outcome.serverDate, attempt);
            }
            PullException failure = outcome.failure;
            if (!outcome.retryable || attempt >= retry.maxAttempts()) {
                if (outcome.retryable) {
                    // Exhausted: say how often it was tried.
                    Problem p = failure.problem();
                    throw new PullException(PullException.Kind.NETWORK, Problem.of(p.file(), 0, 0,
                            "pull.gaveUp", "gave up after " + attempt + " attempts: " + reason(p),
                            String.valueOf(attempt), reason(p)), failure.getCause());
                }
                throw failure;
            }
            try {
                sleeper.sleep(retry.delayAfter(attempt, random));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled(url);
            }
        }
    }

    /** The reason of a retryable failure: its only argument ("HTTP 503", "SocketTimeoutException: …"). */
    private static String reason(Problem p) {
        return p.args().isEmpty() ? p.message() : p.args().get(0);
    }

    private static final class Outcome {
        final long bytes;
        final Optional<Instant> serverDate;
        final PullException failure;
        final boolean retryable;

        private Outcome(long bytes, Optional<Instant> serverDate, PullException failure, boolean retryable) {
            this.bytes = bytes;
            this.serverDate = serverDate;
            this.failure = failure;
            this.retryable = retryable;
        }

        static Outcome ok(long bytes, Optional<Instant> serverDate) {
            return new Outcome(bytes, serverDate, null, false);
        }

        static Outcome retry(PullException e) {
            return new Outcome(0, Optional.empty(), e, true);
        }

        static Outcome fail(PullException e) {
            return new Outcome(0, Optional.empty(), e, false);
        }

        boolean ok() {
            return failure == null;
        }
    }

    private Outcome attempt(HttpUrl url, Path target, LongConsumer onBytes) throws PullException {
        if (Thread.currentThread().isInterrupted()) {
            throw cancelled(url);
        }
        Request request = new Request.Builder().url(url)
                .header("Authorization", credentials.authorization())
                .header("Accept", "application/json")
                .get().build();
        Call call = http.newCall(request);
        AtomicLong received = new AtomicLong();
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.complete(Outcome.retry(network(url, e)));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    result.complete(read(url, response, target, received));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        long shown = -1;
        while (true) {
            try {
                Outcome o = result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                onBytes.accept(received.get());
                return o;
            } catch (TimeoutException e) {
                long now = received.get();
                if (now != shown) {
                    onBytes.accept(now);
                    shown = now;
                }
            } catch (InterruptedException e) {
                call.cancel();
                // Let OkHttp's thread see the cancelled socket and stop writing the file.
                try {
                    result.get(2, TimeUnit.SECONDS);
                } catch (InterruptedException | ExecutionException | TimeoutException ignored) {
                    // cancelled anyway
                }
                Thread.currentThread().interrupt();
                throw cancelled(url);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /** On OkHttp's thread: the answer, its body to the file when it is a success. */
    private Outcome read(HttpUrl url, Response response, Path target, AtomicLong received) {
        int code = response.code();
        if (code == 401 || code == 403) {
            return Outcome.fail(new PullException(PullException.Kind.AUTH, Problem.of(server.display(), 0, 0,
                    "pull.unauthorized", "the server refused the credentials (HTTP " + code + "): check the token,"
                            + " or the user name and password, and that this user may read the data asked for",
                    String.valueOf(code))));
        }
        if (code >= 300 && code < 400) {
            String location = ServerUrl.describeRedirect(response.header("Location"), url).orElse("?");
            if (location.contains("login") || location.contains("security")) {
                return Outcome.fail(new PullException(PullException.Kind.AUTH, Problem.of(server.display(), 0, 0,
                        "pull.unauthorized", "the server refused the credentials (HTTP " + code + "): check the"
                                + " token, or the user name and password", String.valueOf(code))));
            }
            return Outcome.fail(new PullException(PullException.Kind.USER, Problem.of(server.display(), 0, 0,
                    "pull.redirected", "the server sends requests to " + location + ": give that address"
                            + " (its base) with --url", location)));
        }
        if (code == 429 || code >= 500) {
            return Outcome.retry(new PullException(PullException.Kind.NETWORK, Problem.of(ServerUrl.show(url), 0, 0,
                    "pull.serverError", "the server answered HTTP " + code, "HTTP " + code)));
        }
        if (code == 404) {
            return Outcome.fail(new PullException(PullException.Kind.REFUSED, Problem.of(ServerUrl.show(url), 0, 0,
                    "pull.notFound", "the server has no " + url.encodedPath() + " (HTTP 404): is --url the address"
                            + " of a DHIS2 server?", url.encodedPath())));
        }
        if (code >= 400) {
            String message = errorMessage(response.body());
            return Outcome.fail(new PullException(PullException.Kind.REFUSED, Problem.of(ServerUrl.show(url), 0, 0,
                    "pull.refused", "the server refused the request (HTTP " + code + "): " + message,
                    String.valueOf(code), message)));
        }
        ResponseBody body = response.body();
        String type = body == null || body.contentType() == null ? "" : body.contentType().toString();
        if (!type.isEmpty() && !type.toLowerCase(Locale.ROOT).contains("json")) {
            return Outcome.fail(new PullException(PullException.Kind.REFUSED, Problem.of(ServerUrl.show(url), 0, 0,
                    "pull.notJson", "the server answered " + type + " instead of JSON: is --url the address of a"
                            + " DHIS2 server?", type)));
        }
        Optional<Instant> serverDate = Optional.ofNullable(response.headers().getDate("Date")).map(Date::toInstant);
        try (InputStream in = body == null ? InputStream.nullInputStream() : body.byteStream();
             OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                received.addAndGet(n);
            }
        } catch (IOException e) {
            // A body cut short (the connection dropped, a read timed out): the file is incomplete and is
            // not imported; the request is tried again.
            return Outcome.retry(network(url, e));
        }
        return Outcome.ok(received.get(), serverDate);
    }

    /** DHIS2's error answers are JSON with a {@code message}; otherwise the start of the body. */
    private static String errorMessage(ResponseBody body) {
        if (body == null) {
            return "";
        }
        try {
            byte[] head = body.byteStream().readNBytes(ERROR_EXCERPT);
            String text = new String(head, StandardCharsets.UTF_8);
            try {
                JsonNode n = MAPPER.readTree(text);
                if (n != null && n.hasNonNull("message")) {
                    return n.get("message").asText();
                }
            } catch (IOException notJson) {
                // fall through to the raw text
            }
            String flat = text.replaceAll("\\s+", " ").strip();
            return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
        } catch (IOException e) {
            return "";
        }
    }

    private PullException network(HttpUrl url, IOException e) {
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new PullException(PullException.Kind.NETWORK, Problem.of(ServerUrl.show(url), 0, 0, "pull.network",
                "no complete answer from the server: " + reason, reason), e);
    }

    private static PullException cancelled(HttpUrl url) {
        return new PullException(PullException.Kind.CANCELLED, Problem.of(ServerUrl.show(url), 0, 0,
                "pull.cancelled", "pull cancelled; what was fetched before is kept, the next pull goes on"));
    }

    private static PullException badAnswer(HttpUrl url, String reason) {
        return new PullException(PullException.Kind.REFUSED, Problem.of(ServerUrl.show(url), 0, 0,
                "pull.badAnswer", "unreadable answer from the server: " + reason, String.valueOf(reason)));
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        executor.shutdownNow();
        http.connectionPool().evictAll();
    }
}
