package org.santeatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.importers.pull.RetryPolicy;

/**
 * {@code santeatlas pull} through picocli, against a MockWebServer answering like DHIS2 for a small district:
 * two health facilities, one monthly data set of two data elements, 2024.
 */
class PullCliTest {

    static final String TOKEN = "d2pat_Zk3fE0aPqR7wXyT1uV9bN2cM4dL6sH8j0000001";
    static final String COUNTRY = "CoUnTrY0001";
    static final String DISTRICT = "DiStRiCt001";
    static final String[] FACILITIES = {"FaCiLiTy001", "FaCiLiTy002"};
    static final String DATA_SET = "DaTaSeT0001";
    static final String[] ELEMENTS = {"ElEmEnT0001", "ElEmEnT0002"};

    static Locale previous;
    static java.util.function.Function<String, char[]> console;

    @TempDir
    Path dir;
    MockWebServer server;
    Server dhis2;
    Map<String, String> env = new HashMap<>();

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void english() {
        previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        console = PullCommand.console;
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(previous);
        PullCommand.environment = System::getenv;
        PullCommand.retry = RetryPolicy.DEFAULT;
        PullCommand.console = console;
    }

    @BeforeEach
    void start() throws Exception {
        dhis2 = new Server("ApiToken " + TOKEN);
        server = new MockWebServer();
        server.setDispatcher(dhis2);
        server.start();
        PullCommand.environment = env::get;
        PullCommand.console = prompt -> null;
        PullCommand.retry = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2));
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SanteAtlasCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    Run pull(Path workspace, String... credentials) {
        List<String> args = new ArrayList<>(List.of("pull", "-w", workspace.toString(), "--url",
                server.url("/dhis/").toString(), "--orgunit", DISTRICT, "--descendants", "--dataset", DATA_SET,
                "--start", "2024-01-01", "--end", "2024-12-31"));
        args.addAll(List.of(credentials));
        return run(args.toArray(String[]::new));
    }

    long dataValues(Path workspace) throws Exception {
        Run summary = run("summary", "-w", workspace.toString(), "--json");
        assertThat(summary.code()).as(summary.err()).isZero();
        return new ObjectMapper().readTree(summary.out()).get("dataValues").asLong();
    }

    @Test
    void aTokenFromTheEnvironmentPullsEverythingThenOnlyWhatChanged() throws Exception {
        env.put(PullCommand.TOKEN_VARIABLE, TOKEN);
        Path ws = dir.resolve("snis");
        Run first = pull(ws);
        assertThat(first.code()).as(first.err()).isZero();
        List<String> lines = first.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo(dir.resolve("snis.mv.db").toString());
        assertThat(first.out()).contains("dataValueSets dataSet=" + DATA_SET + " orgUnit=" + FACILITIES[0])
                .contains("request(s) fetched, 0 skipped (done before)").contains(": created 24, updated 0");
        assertThat(first.err()).contains("1 reference(s) to org units outside the pulled area");
        assertThat(dataValues(ws)).isEqualTo(48);

        dhis2.requests.clear();
        Run second = pull(ws);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("created 0, updated 0");
        List<HttpUrl> data = dhis2.requests.stream()
                .filter(u -> u.encodedPath().endsWith("/dataValueSets.json")).toList();
        assertThat(data).isNotEmpty().allSatisfy(u -> assertThat(u.queryParameter("lastUpdated")).isNotNull());
        assertThat(dhis2.authorizations).containsOnly("ApiToken " + TOKEN);

        String everything = first.out() + first.err() + second.out() + second.err();
        assertThat(everything).doesNotContain(TOKEN);
        byte[] file = Files.readAllBytes(dir.resolve("snis.mv.db"));
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN).doesNotContain("ApiToken");
    }

    @Test
    void refusedCredentialsExitOneWithoutEchoingTheTokenAndLeaveNoWorkspace() {
        Run r = pull(dir.resolve("x"), "--token", "d2pat_wrongwrongwrong");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("refused the credentials (HTTP 401)").doesNotContain("d2pat_wrongwrongwrong")
                .doesNotContain("\tat ");
        assertThat(r.out()).doesNotContain("d2pat_wrongwrongwrong");
        assertThat(dir.resolve("x.mv.db")).doesNotExist();
    }

    @Test
    void aUserWithThePasswordFromTheEnvironmentSignsInWithBasic() throws Exception {
        server.shutdown();
        String password = "Mot-de-passe-1";
        dhis2 = new Server("Basic " + Base64.getEncoder().encodeToString(("saisie:" + password)
                .getBytes(StandardCharsets.UTF_8)));
        server = new MockWebServer();
        server.setDispatcher(dhis2);
        server.start();
        env.put(PullCommand.PASSWORD_VARIABLE, password);
        Run r = pull(dir.resolve("snis"), "--user", "saisie");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out() + r.err()).doesNotContain(password);
        String file = new String(Files.readAllBytes(dir.resolve("snis.mv.db")), StandardCharsets.ISO_8859_1);
        assertThat(file).doesNotContain(password).doesNotContain("Basic ");

        env.clear();
        List<String> prompts = new ArrayList<>();
        PullCommand.console = prompt -> {
            prompts.add(prompt);
            return password.toCharArray();
        };
        Run typed = pull(dir.resolve("snis"), "--user", "saisie");
        assertThat(typed.code()).as(typed.err()).isZero();
        assertThat(prompts).containsExactly("DHIS2 password for saisie: ");
    }

    @Test
    void missingOrDoubleCredentialsAreUserErrors() {
        Run none = pull(dir.resolve("x"));
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains(PullCommand.TOKEN_VARIABLE);
        Run both = pull(dir.resolve("x"), "--token", TOKEN, "--user", "saisie");
        assertThat(both.code()).isEqualTo(1);
        assertThat(both.err()).contains("either --token or --user").doesNotContain(TOKEN);
        Run noPassword = pull(dir.resolve("x"), "--user", "saisie");
        assertThat(noPassword.code()).isEqualTo(1);
        assertThat(noPassword.err()).contains(PullCommand.PASSWORD_VARIABLE);
        Run ftp = run("pull", "-w", dir.resolve("x").toString(), "--url", "ftp://snis.example.org", "--token", TOKEN,
                "--orgunit", DISTRICT, "--dataset", DATA_SET, "--start", "2024-01-01", "--end", "2024-12-31");
        assertThat(ftp.code()).isEqualTo(1);
        assertThat(ftp.err()).contains("--url: not an http:// or https:// address (ftp://)");
        Run scopes = pull(dir.resolve("x"), "--children", "--token", TOKEN);
        assertThat(scopes.code()).isEqualTo(1);
        assertThat(dir.resolve("x.mv.db")).doesNotExist();
    }

    @Test
    void aPullThatLosesTheServerStopsWithExitOneAndTheNextRunGoesOn() throws Exception {
        env.put(PullCommand.TOKEN_VARIABLE, TOKEN);
        // The district's own request and the first facility's go through, the second facility's fails.
        dhis2.failDataRequestsFrom = 3;
        Path ws = dir.resolve("snis");
        Run first = pull(ws);
        assertThat(first.code()).isEqualTo(1);
        assertThat(first.err()).contains("gave up after 2 attempts: HTTP 503").contains("Run the same command again");
        assertThat(dataValues(ws)).isEqualTo(24);

        dhis2.failDataRequestsFrom = Integer.MAX_VALUE;
        dhis2.requests.clear();
        Run second = pull(ws);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("2 request(s) fetched, 5 skipped (done before)");
        assertThat(dataValues(ws)).isEqualTo(48);
    }

    @Test
    void theHelpNamesBothWaysToGiveTheToken() {
        Run help = run("pull", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--token").contains("--user").contains(PullCommand.TOKEN_VARIABLE)
                .contains(PullCommand.PASSWORD_VARIABLE).contains("--descendants").contains("--children");
    }

    /** DHIS2's Web API for the fixture district, as its documentation shapes the answers. */
    static final class Server extends Dispatcher {
        final String authorization;
        final List<HttpUrl> requests = Collections.synchronizedList(new ArrayList<>());
        final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger dataRequests = new AtomicInteger();
        volatile int failDataRequestsFrom = Integer.MAX_VALUE;

        Server(String authorization) {
            this.authorization = authorization;
        }

        static MockResponse json(int code, String body) {
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json;charset=UTF-8")
                    .setBody(body);
        }

        static String orgUnit(String uid, String name, String path, int level, String parent) {
            return "{\"id\":\"" + uid + "\",\"name\":\"" + name + "\",\"shortName\":\"" + name + "\",\"level\":" + level
                    + ",\"path\":\"" + path + "\"" + (parent == null ? "" : ",\"parent\":{\"id\":\"" + parent + "\"}")
                    + ",\"openingDate\":\"1990-01-01T00:00:00.000\"}";
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getRequestUrl();
            requests.add(url);
            authorizations.add(request.getHeader("Authorization"));
            if (!authorization.equals(request.getHeader("Authorization"))) {
                return json(401, "{\"httpStatus\":\"Unauthorized\",\"httpStatusCode\":401,\"status\":\"ERROR\","
                        + "\"message\":\"Unauthorized\"}");
            }
            String path = url.encodedPath();
            if (path.equals("/dhis/api/system/info.json")) {
                return json(200, "{\"version\":\"2.40.4\",\"serverTimeZoneId\":\"Etc/UTC\"}");
            }
            if (path.equals("/dhis/api/organisationUnits/" + DISTRICT + ".json")) {
                return json(200, "{\"id\":\"" + DISTRICT + "\",\"name\":\"District sanitaire de Koro\",\"level\":2,"
                        + "\"path\":\"/" + COUNTRY + "/" + DISTRICT + "\"}");
            }
            if (path.equals("/dhis/api/organisationUnits.json")) {
                List<String> units = new ArrayList<>();
                String filter = url.queryParameter("filter");
                if (filter.startsWith("id:in:")) {
                    units.add(orgUnit(COUNTRY, "Pays fictif", "/" + COUNTRY, 1, null));
                } else {
                    units.add(orgUnit(DISTRICT, "District sanitaire de Koro", "/" + COUNTRY + "/" + DISTRICT, 2,
                            COUNTRY));
                    for (int i = 0; i < FACILITIES.length; i++) {
                        units.add(orgUnit(FACILITIES[i], "CSPS " + (i + 1), "/" + COUNTRY + "/" + DISTRICT + "/"
                                + FACILITIES[i], 3, DISTRICT));
                    }
                }
                return json(200, "{\"pager\":{\"page\":1,\"pageCount\":1,\"total\":" + units.size()
                        + ",\"pageSize\":500},\"organisationUnits\":[" + String.join(",", units) + "]}");
            }
            if (path.equals("/dhis/api/metadata.json")) {
                return json(200, "{\"system\":{\"version\":\"2.40.4\"},"
                        + "\"organisationUnitLevels\":[{\"id\":\"LeVeL000001\",\"name\":\"Pays\",\"level\":1},"
                        + "{\"id\":\"LeVeL000002\",\"name\":\"District\",\"level\":2},"
                        + "{\"id\":\"LeVeL000003\",\"name\":\"Formation sanitaire\",\"level\":3}],"
                        + "\"dataElements\":[{\"id\":\"" + ELEMENTS[0] + "\",\"name\":\"Consultations\","
                        + "\"shortName\":\"Consultations\",\"valueType\":\"INTEGER_ZERO_OR_POSITIVE\","
                        + "\"aggregationType\":\"SUM\",\"domainType\":\"AGGREGATE\","
                        + "\"categoryCombo\":{\"id\":\"bjDvmb4bfuf\"}},"
                        + "{\"id\":\"" + ELEMENTS[1] + "\",\"name\":\"Accouchements\",\"shortName\":\"Accouchements\","
                        + "\"valueType\":\"INTEGER_ZERO_OR_POSITIVE\",\"aggregationType\":\"SUM\","
                        + "\"domainType\":\"AGGREGATE\",\"categoryCombo\":{\"id\":\"bjDvmb4bfuf\"}}],"
                        + "\"dataSets\":[{\"id\":\"" + DATA_SET + "\",\"name\":\"Rapport mensuel\","
                        + "\"shortName\":\"RMA\",\"periodType\":\"Monthly\",\"timelyDays\":15,"
                        + "\"categoryCombo\":{\"id\":\"bjDvmb4bfuf\"},\"dataSetElements\":["
                        + "{\"dataElement\":{\"id\":\"" + ELEMENTS[0] + "\"}},{\"dataElement\":{\"id\":\"" + ELEMENTS[1]
                        + "\"}}],\"organisationUnits\":[{\"id\":\"" + FACILITIES[0] + "\"},{\"id\":\"" + FACILITIES[1]
                        + "\"},{\"id\":\"OuTsIdE0001\"}]}]}");
            }
            if (path.equals("/dhis/api/dataValueSets.json")) {
                if (dataRequests.incrementAndGet() >= failDataRequestsFrom) {
                    return json(503, "{\"httpStatus\":\"Service Unavailable\",\"httpStatusCode\":503}");
                }
                return json(200, "{\"dataValues\":[" + String.join(",", values(url)) + "]}");
            }
            if (path.equals("/dhis/api/completeDataSetRegistrations.json")) {
                List<String> regs = new ArrayList<>();
                for (String ou : orgUnits(url)) {
                    regs.add("{\"dataSet\":\"" + DATA_SET + "\",\"period\":\"202401\",\"organisationUnit\":\"" + ou
                            + "\",\"attributeOptionCombo\":\"HllvX50cXC0\",\"date\":\"2024-02-10T08:00:00.000\","
                            + "\"storedBy\":\"saisie\",\"completed\":true}");
                }
                return json(200, regs.isEmpty() ? "{}" : "{\"completeDataSetRegistrations\":[" + String.join(",", regs)
                        + "]}");
            }
            return json(404, "{\"httpStatus\":\"Not Found\",\"httpStatusCode\":404,\"status\":\"ERROR\"}");
        }

        static List<String> orgUnits(HttpUrl url) {
            String ou = url.queryParameter("orgUnit");
            List<String> units = new ArrayList<>();
            for (String f : FACILITIES) {
                if (f.equals(ou) || "true".equals(url.queryParameter("children")) && ou.equals(DISTRICT)) {
                    units.add(f);
                }
            }
            return units;
        }

        /** 12 months × 2 elements for each facility asked for, last updated the 5th of the next month. */
        static List<String> values(HttpUrl url) {
            List<String> values = new ArrayList<>();
            LocalDate start = LocalDate.parse(url.queryParameter("startDate"));
            LocalDate end = LocalDate.parse(url.queryParameter("endDate"));
            String since = url.queryParameter("lastUpdated");
            for (String ou : orgUnits(url)) {
                for (int month = 1; month <= 12; month++) {
                    LocalDate first = LocalDate.of(2024, month, 1);
                    if (first.isBefore(start) || first.plusMonths(1).minusDays(1).isAfter(end)) {
                        continue;
                    }
                    String updated = first.plusMonths(1).withDayOfMonth(5) + "T10:00:00.000";
                    if (since != null && updated.compareTo(since) < 0) {
                        continue;
                    }
                    for (int e = 0; e < ELEMENTS.length; e++) {
                        values.add("{\"dataElement\":\"" + ELEMENTS[e] + "\",\"period\":\"2024"
                                + (month < 10 ? "0" : "") + month + "\",\"orgUnit\":\"" + ou + "\","
                                + "\"categoryOptionCombo\":\"HllvX50cXC0\",\"attributeOptionCombo\":\"HllvX50cXC0\","
                                + "\"value\":\"" + (month * 10 + e) + "\",\"storedBy\":\"saisie\",\"created\":\""
                                + updated + "\",\"lastUpdated\":\"" + updated + "\",\"followup\":false}");
                    }
                }
            }
            return values;
        }
    }
}
