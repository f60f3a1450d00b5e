package org.santeatlas.importers.pull;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.santeatlas.core.store.Problem;

/**
 * The base address of a DHIS2 server, e.g. {@code https://snis.sante.example/dhis}: http(s) only, without
 * user name, password, query or fragment (credentials travel in a header, never in the address, so that
 * the address can be shown and stored). A pasted address of a page or of the API is cut back to the
 * base: {@code …/dhis/api/33/dataSets} and {@code …/dhis/dhis-web-dashboard/#/} give {@code …/dhis}.
 */
public final class ServerUrl {

    private final HttpUrl base;

    private ServerUrl(HttpUrl base) {
        this.base = base;
    }

    /**
     * Parses what the user typed.
     *
     * @throws PullException (kind {@link PullException.Kind#USER}) for anything but an http(s) address,
     *     and for an address with a user name or password in it (the message does not repeat them)
     */
    public static ServerUrl parse(String text) throws PullException {
        String trimmed = text == null ? "" : text.strip();
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null) {
            String scheme = trimmed.contains("://") ? trimmed.substring(0, trimmed.indexOf("://")) : "";
            String shown = scheme.isEmpty() ? "" : " (" + scheme + "://)";
            throw new PullException(PullException.Kind.USER, Problem.of("--url", 0, 0, "pull.badUrl",
                    "not an http:// or https:// address" + shown, shown));
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new PullException(PullException.Kind.USER, Problem.of("--url", 0, 0, "pull.credentialsInUrl",
                    "put no user name or password in the address; use --user or --token"));
        }
        List<String> segments = url.pathSegments();
        int keep = segments.size();
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            if (s.equals("api") || s.startsWith("dhis-web-") || s.endsWith(".action") || s.endsWith(".html")) {
                keep = i;
                break;
            }
        }
        HttpUrl.Builder b = new HttpUrl.Builder().scheme(url.scheme()).host(url.host()).port(url.port());
        for (int i = 0; i < keep; i++) {
            if (!segments.get(i).isEmpty()) {
                b.addPathSegment(segments.get(i));
            }
        }
        return new ServerUrl(b.build());
    }

    /** The address as stored and shown: {@code https://host[:port]/path}, no trailing slash. */
    public String display() {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Whether the address is plain http:// to another machine: the token or password would travel readable. */
    public boolean insecure() {
        return !base.isHttps() && !isLoopback(base.host());
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("[::1]") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** {@code base/api/<segments>} with no query yet. */
    HttpUrl.Builder api(String... segments) {
        HttpUrl.Builder b = base.newBuilder().addPathSegment("api");
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b;
    }

    /** The address of a request, as shown and stored: never holds credentials (they are never in a URL here). */
    static String show(HttpUrl url) {
        return url.newBuilder().username("").password("").build().toString();
    }

    /** The host, for messages. */
    public String host() {
        return base.host();
    }

    /** A redirect target without its query (which might carry a session id), for messages. */
    static Optional<String> describeRedirect(String location, HttpUrl from) {
        if (location == null) {
            return Optional.empty();
        }
        HttpUrl target = from.resolve(location);
        if (target == null) {
            return Optional.empty();
        }
        return Optional.of(target.newBuilder().username("").password("").query(null).fragment(null).build()
                .toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerUrl other && base.equals(other.base);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base);
    }

    @Override
    public String toString() {
        return display();
    }
}
