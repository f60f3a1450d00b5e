package org.santeatlas.importers.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/** santeatlas pull against a MockWebServer that answers like DHIS2, over the demo country's data. */
class PullServiceTest {

    static final String TOKEN = "d2pat_5xVA12xyUbWNedQxy4ohH77WlxRGVvZZ1151814092";
    static final LocalDate START = LocalDate.of(2023, 1, 1);
    static final LocalDate END = LocalDate.of(2024, 12, 31);

    @TempDir
    static Path shared;
    static DemoFiles demo;
    static String district;
    static String dataSet;

    @TempDir
    Path dir;
    MockWebServer server;
    FakeDhis2 dhis2;

    @BeforeAll
    static void generateDemo() throws Exception {
        demo = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, shared.resolve("demo"));
        JsonNode metadata = FakeDhis2.MAPPER.readTree(demo.metadataJson().toFile());
        for (JsonNode ou : metadata.get("organisationUnits")) {
            if (ou.path("level").asInt() == 3) {
                district = ou.get("id").asText();
                break;
            }
        }
        dataSet = metadata.get("dataSets").get(0).get("id").asText();
    }

    @BeforeEach
    void startServer() throws Exception {
        dhis2 = new FakeDhis2(demo.metadataJson(), demo.dataValuesJson(), demo.completeRegistrationsJson(), district,
                "ApiToken " + TOKEN);
        server = new MockWebServer();
        server.setDispatcher(dhis2);
        server.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.shutdown();
    }

    static PullOptions fastOptions() {
        return PullOptions.DEFAULTS.withRetry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    PullRequest request(Dhis2Credentials credentials) throws PullException {
        return new PullRequest(ServerUrl.parse(server.url("/").toString()), credentials, district,
                OrgUnitScope.DESCENDANTS, List.of(dataSet), START, END);
    }

    PullResult pull(Workspace ws, PullOptions options) throws PullException {
        return new PullService(ws, options).pull(request(Dhis2Credentials.token(TOKEN)), PullListener.NONE);
    }

    List<HttpUrl> requestsTo(String resource) {
        return dhis2.requests().stream().filter(u -> u.pathSegments().contains(resource)).toList();
    }

    @Test
    void aFullPullStoresWhatAFileImportOfTheSameDataStores() throws Exception {
        List<long[]> progress = new ArrayList<>();
        PullResult result;
        try (Workspace ws = Workspace.create(dir.resolve("pulled"))) {
            result = new PullService(ws, fastOptions()).pull(request(Dhis2Credentials.token(TOKEN)),
                    new PullListener() {
                        @Override
                        public void progress(int finished, int total, long bytes) {
                            progress.add(new long[] {finished, total, bytes});
                        }
                    });
            assertThat(result.failure()).isEmpty();
            assertThat(result.resumed()).isFalse();
            // metadata + (2 years × (the district + each of its children) × values and registrations)
            long children = dhis2.metadata().get("organisationUnits").findValues("parent").stream()
                    .filter(p -> p.path("id").asText().equals(district)).count();
            assertThat(children).isPositive();
            assertThat(result.chunksTotal()).isEqualTo(1 + 2 * (1 + children) * 2);
            assertThat(result.chunksDone()).isEqualTo(result.chunksTotal());
            assertThat(result.counts().createdCount()).isPositive();
            assertThat(result.counts().rejectedCount()).isZero();

            List<HttpUrl> data = requestsTo("dataValueSets.json");
            assertThat(data).hasSize((int) (2 * (1 + children)));
            assertThat(data).allSatisfy(u -> {
                assertThat(u.queryParameter("dataSet")).isEqualTo(dataSet);
                assertThat(u.queryParameter("lastUpdated")).isNull();
            });
            // The district itself alone; each child with its subtree (DHIS2's children=true).
            assertThat(data).anySatisfy(u -> {
                assertThat(u.queryParameter("orgUnit")).isEqualTo(district);
                assertThat(u.queryParameter("children")).isNull();
            });
            assertThat(data.stream().filter(u -> "true".equals(u.queryParameter("children")))).hasSize(
                    (int) (2 * children));
            assertThat(data.stream().map(u -> u.queryParameter("startDate") + ".." + u.queryParameter("endDate"))
                    .distinct()).containsExactlyInAnyOrder("2023-01-01..2023-12-31", "2024-01-01..2024-12-31");

            try (Workspace reference = referenceImport()) {
                assertThat(values(ws)).isNotEmpty().isEqualTo(values(reference));
                assertThat(registrations(ws)).isNotEmpty().isEqualTo(registrations(reference));
            }
            // Only the district's part of the tree, with its ancestors.
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(CASE WHEN PATH LIKE '%" + district
                         + "%' THEN 0 ELSE 1 END) FROM ORG_UNIT")) {
                rs.next();
                assertThat(rs.getInt(2)).isEqualTo(2);
            }
            // One batch per chunk that changed anything, named after its request (without credentials).
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(CASE WHEN FILE_NAME LIKE '"
                         + server.url("/").toString().replaceAll("/$", "") + "/api/%' THEN 1 ELSE 0 END)"
                         + " FROM IMPORT_BATCH")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(rs.getInt(2))
                        .isEqualTo(result.outcomes().stream().filter(o -> o.batchId().isPresent()).count());
            }
        }
        assertThat(progress).isNotEmpty();
        long[] last = progress.get(progress.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]).isEqualTo(result.chunksTotal());
        assertThat(last[2]).isEqualTo(result.bytes()).isPositive();
    }

    /** The same values, imported from files into a new workspace, as a user with exports would. */
    Workspace referenceImport() throws Exception {
        Set<String> elements = new HashSet<>();
        for (JsonNode dse : dhis2.metadata().get("dataSets").get(0).get("dataSetElements")) {
            elements.add(dse.path("dataElement").path("id").asText());
        }
        ArrayNode values = FakeDhis2.MAPPER.createArrayNode();
        for (ObjectNode v : dhis2.values()) {
            if (elements.contains(v.get("dataElement").asText()) && v.get("period").asText().compareTo("2025") < 0) {
                values.add(v);
            }
        }
        ArrayNode regs = FakeDhis2.MAPPER.createArrayNode();
        for (ObjectNode r : dhis2.registrations()) {
            if (r.get("period").asText().compareTo("2025") < 0) {
                regs.add(r);
            }
        }
        Path valuesFile = dir.resolve("values.json");
        FakeDhis2.MAPPER.writeValue(valuesFile.toFile(), FakeDhis2.MAPPER.createObjectNode().set("dataValues", values));
        Path regsFile = dir.resolve("registrations.json");
        FakeDhis2.MAPPER.writeValue(regsFile.toFile(),
                FakeDhis2.MAPPER.createObjectNode().set("completeDataSetRegistrations", regs));
        Workspace ws = Workspace.create(dir.resolve("reference"));
        ImportService service = new ImportService(ws);
        for (Path f : List.of(demo.metadataJson(), valuesFile, regsFile)) {
            ImportResult r = service.importFile(f, Optional.empty(), ImportProgress.NONE);
            assertThat(r.failure()).as(f.toString()).isEmpty();
        }
        return ws;
    }

    static List<String> values(Workspace ws) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT DATA_ELEMENT, PERIOD, ORG_UNIT, CATEGORY_OPTION_COMBO,"
                     + " ATTRIBUTE_OPTION_COMBO, DATA_VALUE, STORED_BY, CREATED_MILLIS, LAST_UPDATED_MILLIS, COMMENT,"
                     + " FOLLOWUP, DELETED FROM DATA_VALUE ORDER BY 1, 2, 3, 4, 5")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 12; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static List<String> registrations(Workspace ws) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT D.UID, P.ISO, O.UID, A.UID, R.REGISTERED, R.STORED_BY, R.COMPLETED"
                     + " FROM COMPLETE_REGISTRATION R JOIN DATA_SET D ON D.ID = R.DATA_SET_ID"
                     + " JOIN PERIOD P ON P.ID = R.PERIOD_ID JOIN ORG_UNIT O ON O.ID = R.ORG_UNIT_ID"
                     + " JOIN CATEGORY_OPTION_COMBO A ON A.ID = R.ATTRIBUTE_OPTION_COMBO_ID ORDER BY 1, 2, 3, 4")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getBoolean(7));
            }
        }
        return rows;
    }

    @Test
    void theNextPullAsksOnlyForValuesUpdatedSinceTheLastOneAndStoresTheEdits() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
            assertThat(pull(ws, fastOptions()).failure()).isEmpty();
            ObjectNode edited = dhis2.values().stream()
                    .filter(v -> v.get("period").asText().startsWith("2024")).findFirst().orElseThrow();
            dhis2.edit(edited, "987654");
            dhis2.clearRequests();

            PullResult second = pull(ws, fastOptions());
            assertThat(second.failure()).isEmpty();
            assertThat(second.resumed()).isFalse();
            List<HttpUrl> data = requestsTo("dataValueSets.json");
            assertThat(data).isNotEmpty().allSatisfy(u -> {
                LocalDateTime since = LocalDateTime.parse(u.queryParameter("lastUpdated"));
                // The first pull's start, less the 10-minute safety margin (UTC: the server's zone).
                assertThat(since).isBetween(before.minusMinutes(11), before.minusMinutes(9));
                assertThat(u.queryParameter("includeDeleted")).isEqualTo("true");
            });
            assertThat(second.counts().updatedCount()).isEqualTo(1);
            assertThat(second.counts().createdCount()).isZero();
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT DATA_VALUE FROM DATA_VALUE WHERE DATA_ELEMENT = '"
                         + edited.get("dataElement").asText() + "' AND PERIOD = '" + edited.get("period").asText()
                         + "' AND ORG_UNIT = '" + edited.get("orgUnit").asText() + "' AND CATEGORY_OPTION_COMBO = '"
                         + edited.get("categoryOptionCombo").asText() + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("987654");
            }
        }
    }

    @Test
    void orgUnitPagesAreFollowedToTheLast() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            PullResult r = pull(ws, fastOptions().withPageSize(7));
            assertThat(r.failure()).isEmpty();
            List<HttpUrl> pages = requestsTo("organisationUnits.json").stream()
                    .filter(u -> u.queryParameterValues("filter").contains("path:like:" + district)).toList();
            long subtree = dhis2.metadata().get("organisationUnits").findValues("path").stream()
                    .filter(p -> p.asText().contains(district)).count();
            int pageCount = (int) ((subtree + 6) / 7);
            assertThat(pageCount).isGreaterThan(2);
            assertThat(pages.stream().map(u -> u.queryParameter("page")))
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, pageCount)
                            .mapToObj(String::valueOf).toList());
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ORG_UNIT WHERE PATH LIKE '%" + district + "%'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(subtree);
            }
        }
    }

    @Test
    void twoServerErrorsThenSuccessTakeThreeRequests() throws Exception {
        dhis2.fault(u -> u.encodedPath().endsWith("/dataValueSets.json"), 2,
                FakeDhis2.json(503, "<html>Service Unavailable</html>"));
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            PullResult r = pull(ws, fastOptions());
            assertThat(r.failure()).isEmpty();
            List<HttpUrl> data = requestsTo("dataValueSets.json");
            HttpUrl first = data.get(0);
            assertThat(data.stream().filter(first::equals)).hasSize(3);
        }
    }

    @Test
    void aBodyCutShortIsFetchedAgainAndNeverHalfImported() throws Exception {
        AtomicReference<HttpUrl> cut = new AtomicReference<>();
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            // A chunk with values: a child of the district with its subtree, for 2024.
            dhis2.fault(u -> {
                boolean match = u.encodedPath().endsWith("/dataValueSets.json") && "true".equals(
                        u.queryParameter("children")) && "2024-01-01".equals(u.queryParameter("startDate"));
                if (match) {
                    cut.compareAndSet(null, u);
                }
                return match;
            }, 1, bodyCutShort());
            PullResult r = pull(ws, fastOptions());
            assertThat(r.failure()).isEmpty();
            assertThat(dhis2.requests().stream().filter(cut.get()::equals)).hasSize(2);
            try (Workspace reference = referenceImport()) {
                assertThat(values(ws)).isEqualTo(values(reference));
            }
        }
    }

    /** A real answer's headers and half its body, then the connection drops. */
    MockResponse bodyCutShort() {
        StringBuilder body = new StringBuilder("{\"dataValues\":[");
        for (int i = 0; i < 2000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"dataElement\":\"x\",\"period\":\"202401\",\"orgUnit\":\"y\","
                    + "\"value\":\"").append(i).append("\"}");
        }
        return FakeDhis2.json(200, body.append("]}").toString())
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
    }

    @Test
    void whenRetriesRunOutThePullStopsAndTheNextOneResumesSkippingChunksDone() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            // The third data request fails on every attempt.
            HttpUrl[] third = new HttpUrl[1];
            List<HttpUrl> seen = new ArrayList<>();
            dhis2.fault(u -> {
                if (!u.encodedPath().endsWith("/dataValueSets.json")) {
                    return false;
                }
                if (third[0] == null && !seen.contains(u)) {
                    seen.add(u);
                    if (seen.size() == 3) {
                        third[0] = u;
                    }
                }
                return u.equals(third[0]);
            }, 3, bodyCutShort());
            PullResult first = pull(ws, fastOptions());
            assertThat(first.failure()).isPresent();
            assertThat(first.failure().get().kind()).isEqualTo(PullException.Kind.NETWORK);
            assertThat(first.failure().get().problem().key()).isEqualTo("pull.gaveUp");
            assertThat(first.failure().get().problem().args().get(0)).isEqualTo("3");
            assertThat(dhis2.requests().stream().filter(third[0]::equals)).hasSize(3);
            // metadata, 2 data chunks and their 2 registration chunks were done before the stop
            assertThat(first.chunksDone()).isEqualTo(5);
            assertThat(first.outcomes().get(first.outcomes().size() - 1).status())
                    .isEqualTo(PullResult.Status.FAILED);
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT STATUS FROM DHIS2_PULL")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("STOPPED");
            }
            List<HttpUrl> doneBefore = requestsTo("dataValueSets.json").stream().distinct()
                    .filter(u -> !u.equals(third[0])).toList();
            assertThat(doneBefore).hasSize(2);
            dhis2.clearRequests();

            PullResult second = pull(ws, fastOptions());
            assertThat(second.failure()).isEmpty();
            assertThat(second.resumed()).isTrue();
            assertThat(second.pullId()).isEqualTo(first.pullId());
            assertThat(second.chunksSkipped()).isEqualTo(5);
            assertThat(second.chunksDone()).isEqualTo(first.chunksTotal() - 5);
            List<HttpUrl> data = requestsTo("dataValueSets.json");
            assertThat(data).doesNotContainAnyElementsOf(doneBefore).contains(third[0]);
            assertThat(data).allSatisfy(u -> assertThat(u.queryParameter("lastUpdated")).isNull());
            assertThat(requestsTo("metadata.json")).isEmpty();
            try (Workspace reference = referenceImport()) {
                assertThat(values(ws)).isEqualTo(values(reference));
                assertThat(registrations(ws)).isEqualTo(registrations(reference));
            }
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT STATUS, COUNT(*) FROM DHIS2_PULL GROUP BY STATUS")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("DONE");
                assertThat(rs.getInt(2)).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void aChunkWithInvalidValuesIsRefusedAloneAndFetchedAgainByTheNextPull() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            dhis2.fault(u -> u.encodedPath().endsWith("/dataValueSets.json")
                    && "true".equals(u.queryParameter("children")), 1, FakeDhis2.json(200, "{\"dataValues\":["
                    + "{\"dataElement\":\"NoSuchDe001\",\"period\":\"202301\",\"orgUnit\":\"" + district + "\","
                    + "\"categoryOptionCombo\":\"HllvX50cXC0\",\"attributeOptionCombo\":\"HllvX50cXC0\","
                    + "\"value\":\"3\"}]}"));
            PullResult first = pull(ws, fastOptions());
            assertThat(first.failure()).isPresent();
            assertThat(first.failure().get().problem().key()).isEqualTo("pull.chunksRefused");
            List<PullResult.ChunkOutcome> failed = first.outcomes().stream()
                    .filter(o -> o.status() == PullResult.Status.FAILED).toList();
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).failure().orElseThrow().key()).isEqualTo("import.invalidRecords");
            assertThat(failed.get(0).problems()).extracting(p -> p.key()).containsExactly("import.unknownDataElement");
            // Every other chunk went on.
            assertThat(first.chunksDone()).isEqualTo(first.chunksTotal() - 1);

            PullResult second = pull(ws, fastOptions());
            assertThat(second.failure()).isEmpty();
            assertThat(second.resumed()).isTrue();
            assertThat(second.chunksDone()).isEqualTo(1);
            try (Workspace reference = referenceImport()) {
                assertThat(values(ws)).isEqualTo(values(reference));
            }
        }
    }

    @Test
    void refusedCredentialsStopAtOnceWithoutRepeatingThem() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            PullService service = new PullService(ws, fastOptions());
            assertThatThrownBy(() -> service.pull(request(Dhis2Credentials.token("d2pat_wrong0000000000000000")),
                    PullListener.NONE))
                    .isInstanceOfSatisfying(PullException.class, e -> {
                        assertThat(e.kind()).isEqualTo(PullException.Kind.AUTH);
                        assertThat(e.problem().key()).isEqualTo("pull.unauthorized");
                        assertThat(e.getMessage()).doesNotContain("d2pat").doesNotContain("ApiToken");
                    });
            // 401 is not retried.
            assertThat(dhis2.requests()).hasSize(1);
            assertThatThrownBy(() -> service.pull(request(Dhis2Credentials.userPassword("admin",
                    "district".toCharArray())), PullListener.NONE))
                    .isInstanceOfSatisfying(PullException.class, e ->
                            assertThat(e.getMessage()).doesNotContain("district").doesNotContain("Basic"));
        }
    }

    @Test
    void theTokenTravelsInEveryRequestAndNeverReachesTheWorkspaceFile() throws Exception {
        Path file;
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            assertThat(pull(ws, fastOptions()).failure()).isEmpty();
            file = ws.file();
        }
        assertThat(dhis2.authorizations()).isNotEmpty().allMatch(("ApiToken " + TOKEN)::equals);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(indexOf(bytes, TOKEN.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(indexOf(bytes, TOKEN.getBytes(StandardCharsets.UTF_16BE))).isEqualTo(-1);
        assertThat(indexOf(bytes, "ApiToken".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    @Test
    void userAndPasswordGoAsBasicAuthentication() throws Exception {
        server.shutdown();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:Dïstrict-1".getBytes(
                StandardCharsets.UTF_8));
        dhis2 = new FakeDhis2(demo.metadataJson(), demo.dataValuesJson(), demo.completeRegistrationsJson(), district,
                basic);
        server = new MockWebServer();
        server.setDispatcher(dhis2);
        server.start();
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            PullResult r = new PullService(ws, fastOptions()).pull(request(Dhis2Credentials.userPassword("admin",
                    "Dïstrict-1".toCharArray())), PullListener.NONE);
            assertThat(r.failure()).isEmpty();
        }
    }

    @Test
    void anUnknownOrgUnitOrDataSetIsTheUsersMistake() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            PullService service = new PullService(ws, fastOptions());
            PullRequest noSuchOrgUnit = new PullRequest(request(Dhis2Credentials.token(TOKEN)).server(),
                    Dhis2Credentials.token(TOKEN), "AbCdEfGhIjK", OrgUnitScope.SELF, List.of(dataSet), START, END);
            assertThatThrownBy(() -> service.pull(noSuchOrgUnit, PullListener.NONE))
                    .isInstanceOfSatisfying(PullException.class, e -> {
                        assertThat(e.kind()).isEqualTo(PullException.Kind.USER);
                        assertThat(e.problem().key()).isEqualTo("pull.unknownOrgUnit");
                    });
            PullRequest noSuchDataSet = new PullRequest(request(Dhis2Credentials.token(TOKEN)).server(),
                    Dhis2Credentials.token(TOKEN), district, OrgUnitScope.SELF, List.of("AbCdEfGhIjK"), START, END);
            PullResult r = service.pull(noSuchDataSet, PullListener.NONE);
            assertThat(r.failure()).isPresent();
            assertThat(r.failure().get().problem().key()).isEqualTo("pull.unknownDataSet");
            PullRequest notAUid = new PullRequest(request(Dhis2Credentials.token(TOKEN)).server(),
                    Dhis2Credentials.token(TOKEN), "district-3", OrgUnitScope.SELF, List.of(dataSet), START, END);
            assertThatThrownBy(() -> service.pull(notAUid, PullListener.NONE))
                    .isInstanceOfSatisfying(PullException.class, e ->
                            assertThat(e.problem().key()).isEqualTo("pull.notAUid"));
        }
    }

    @Test
    void interruptingThePullCancelsTheRequestUnderWay() throws Exception {
        dhis2.fault(u -> u.encodedPath().endsWith("/dataValueSets.json"), 1,
                FakeDhis2.json(200, "{\"dataValues\":[]}").setHeadersDelay(3, java.util.concurrent.TimeUnit.SECONDS));
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    outcome.set(pull(ws, fastOptions()));
                } catch (PullException e) {
                    outcome.set(e);
                }
            });
            t.start();
            long deadline = System.currentTimeMillis() + 20_000;
            while (requestsTo("dataValueSets.json").isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
            long interrupted = System.nanoTime();
            t.interrupt();
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(Duration.ofMillis(2500));
            assertThat(outcome.get()).isInstanceOfSatisfying(PullResult.class, r ->
                    assertThat(r.failure().orElseThrow().kind()).isEqualTo(PullException.Kind.CANCELLED));
            // The stop is recorded: the next pull resumes.
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT P.STATUS, C.STATUS FROM DHIS2_PULL P JOIN DHIS2_PULL_CHUNK C"
                         + " ON C.PULL_ID = P.ID WHERE C.KIND = 'DATA_VALUES'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("STOPPED");
                assertThat(rs.getString(2)).isEqualTo("FAILED");
            }
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void theImportOfADownloadIsNamedAfterItsRequest() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            Path f = dir.resolve("answer.json");
            Files.writeString(f, "{\"completeDataSetRegistrations\":[{\"dataSet\":\"nope0000000\",\"period\":\"202401\","
                    + "\"organisationUnit\":\"x\"}]}");
            ImportResult r = new ImportService(ws).importDownloaded(f, "completeDataSetRegistrations x",
                    "https://h/api/completeDataSetRegistrations.json?x=1",
                    ImportFormat.DHIS2_COMPLETE_REGISTRATIONS_JSON,
                    org.santeatlas.importers.ImportOptions.DEFAULTS, ImportProgress.NONE);
            assertThat(r.failed()).isTrue();
            assertThat(r.problems().get(0).file()).isEqualTo("completeDataSetRegistrations x");
        }
    }
}
