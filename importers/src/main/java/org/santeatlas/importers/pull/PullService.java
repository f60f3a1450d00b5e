package org.santeatlas.importers.pull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.santeatlas.core.period.PeriodType;
import org.santeatlas.core.store.ImportCounts;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.store.Uids;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.importers.pull.PullResult.Chunk;
import org.santeatlas.importers.pull.PullResult.ChunkOutcome;
import org.santeatlas.importers.pull.PullResult.Kind;
import org.santeatlas.importers.pull.PullResult.Status;

/**
 * {@code santeatlas pull}: fetches metadata, data values and complete registrations from a DHIS2 server
 * into a workspace.
 *
 * <ol>
 *   <li>{@code /api/system/info} (checks the credentials; gives the server's time zone for
 *       {@code lastUpdated}) and {@code /api/organisationUnits/UID} (checks the org unit, gives its path);</li>
 *   <li>one metadata chunk: the org units of the scope and their ancestors, page by page from
 *       {@code /api/organisationUnits}, and the rest from {@code /api/metadata} (levels, groups with their
 *       members, the category model, the data sets asked for with their data elements, indicators,
 *       validation rules), written into one file and imported as one DHIS2 metadata import;</li>
 *   <li>for each data set, each block of its periods ({@link PeriodChunks}) and each org unit chunk (the
 *       org unit itself, then each child: with {@code children=true} for {@code --descendants}, so that no
 *       request covers a whole country), one {@code /api/dataValueSets} and one
 *       {@code /api/completeDataSetRegistrations} request, each imported as one transaction.</li>
 * </ol>
 *
 * <p>Every answer goes to a file in a private temporary folder first and is imported only once complete,
 * through {@link ImportService} (same validation, transactions and batches as a file import). The chunks
 * are recorded in the workspace ({@link PullState}): a pull stopped by a lost connection is resumed by
 * the next one with the same arguments, skipping its chunks done; once a chunk has been fetched, later
 * pulls ask DHIS2 only for the values updated since (less {@link PullOptions#safetyMargin()}), with
 * deleted values included so that deletions reach the workspace.
 *
 * <p>Values of a period type other than the data set's whose period straddles two chunks are not fetched
 * (DHIS2 returns only periods wholly inside startDate..endDate); a data set's own periods never straddle.
 *
 * <p>Blocking; call it from a background thread. Interrupting the thread stops the pull: the chunk under
 * way is rolled back, those done are kept, the next pull goes on.
 */
public final class PullService {

    static final String ORG_UNIT_FIELDS = "id,code,name,shortName,level,path,parent[id],openingDate,closedDate,"
            + "geometry";

    /** {@code /api/metadata} types and the fields the workspace keeps of each (MetadataJsonImporter). */
    static final Map<String, String> METADATA_FIELDS = new LinkedHashMap<>();

    static {
        METADATA_FIELDS.put("organisationUnitLevels", "id,name,level");
        METADATA_FIELDS.put("organisationUnitGroups", "id,code,name,shortName,organisationUnits[id]");
        METADATA_FIELDS.put("organisationUnitGroupSets", "id,code,name,organisationUnitGroups[id]");
        METADATA_FIELDS.put("categoryOptions", "id,code,name,shortName,startDate,endDate");
        METADATA_FIELDS.put("categories", "id,code,name,dataDimensionType,categoryOptions[id]");
        METADATA_FIELDS.put("categoryCombos", "id,code,name,dataDimensionType,categories[id]");
        METADATA_FIELDS.put("categoryOptionCombos", "id,code,name,categoryCombo[id],categoryOptions[id]");
        METADATA_FIELDS.put("dataElements", "id,code,name,shortName,formName,valueType,aggregationType,domainType,"
                + "zeroIsSignificant,categoryCombo[id]");
        METADATA_FIELDS.put("dataSets", "id,code,name,shortName,periodType,timelyDays,expiryDays,openFuturePeriods,"
                + "categoryCombo[id],dataSetElements[dataElement[id],categoryCombo[id]],organisationUnits[id]");
        METADATA_FIELDS.put("indicatorTypes", "id,name,factor,number");
        METADATA_FIELDS.put("indicators", "id,code,name,shortName,indicatorType[id],numerator,numeratorDescription,"
                + "denominator,denominatorDescription,annualized,decimals");
        METADATA_FIELDS.put("validationRules", "id,code,name,description,instruction,importance,operator,periodType,"
                + "leftSide[expression,description,missingValueStrategy],"
                + "rightSide[expression,description,missingValueStrategy]");
    }

    /** DHIS2 reads {@code lastUpdated} as a local date-time of the server's zone. */
    static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = new JsonFactory();
    /** A guard against a server whose pager never ends. */
    private static final int MAX_PAGES = 100_000;

    private final Workspace workspace;
    private final PullOptions options;
    private final Dhis2Client.Sleeper sleeper;

    public PullService(Workspace workspace, PullOptions options) {
        this(workspace, options, null);
    }

    PullService(Workspace workspace, PullOptions options, Dhis2Client.Sleeper sleeper) {
        this.workspace = workspace;
        this.options = options;
        this.sleeper = sleeper;
    }

    /**
     * Pulls. Returns normally when the pull completed or stopped part-way (see {@link PullResult#failure()});
     * throws only when it could not begin (a wrong argument, refused credentials, an unknown org unit).
     */
    public PullResult pull(PullRequest request, PullListener listener) throws PullException {
        check(request);
        if (request.server().insecure()) {
            listener.warning(Problem.of(request.server().display(), 0, 0, "pull.insecure", "http:// sends the"
                    + " token or password readable by anyone on the way; use https:// if the server offers it"));
        }
        Path temp = createTempFolder();
        try (Dhis2Client client = sleeper == null ? new Dhis2Client(request.server(), request.credentials(), options)
                : new Dhis2Client(request.server(), request.credentials(), options, sleeper)) {
            return new Run(request, listener, client, temp).run();
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void check(PullRequest r) throws PullException {
        if (!Uids.isUid(r.orgUnit())) {
            throw user("--orgunit", "pull.notAUid", "'" + r.orgUnit() + "' is not a DHIS2 UID (11 letters and"
                    + " digits)", r.orgUnit());
        }
        if (r.dataSets().isEmpty()) {
            throw user("--dataset", "pull.noDataSet", "name at least one data set");
        }
        for (String ds : r.dataSets()) {
            if (!Uids.isUid(ds)) {
                throw user("--dataset", "pull.notAUid", "'" + ds + "' is not a DHIS2 UID (11 letters and digits)",
                        ds);
            }
        }
        if (r.end().isBefore(r.start())) {
            throw user("--end", "pull.endBeforeStart", "the end date " + r.end() + " is before the start date "
                    + r.start(), r.end().toString(), r.start().toString());
        }
    }

    private static PullException user(String where, String key, String message, String... args) {
        return new PullException(PullException.Kind.USER, Problem.of(where, 0, 0, key, message, args));
    }

    private Path createTempFolder() throws PullException {
        try {
            Path root = options.tempRoot().orElse(Path.of(System.getProperty("java.io.tmpdir")));
            Files.createDirectories(root);
            // Owner-only: the answers hold health data. On Windows the user's own temp folder is private already.
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return Files.createTempDirectory(root, "santeatlas-pull-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return Files.createTempDirectory(root, "santeatlas-pull-");
        } catch (IOException e) {
            throw new PullException(PullException.Kind.STORAGE, Problem.of(String.valueOf(e.getMessage()), 0, 0,
                    "pull.tempFolder", "cannot create a temporary folder: " + e.getMessage(),
                    String.valueOf(e.getMessage())), e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover in the private temporary folder; the system cleans it up eventually
        }
    }

    /** One pull's state. */
    private final class Run {
        private final PullRequest r;
        private final PullListener listener;
        private final Dhis2Client client;
        private final Path temp;
        private final ImportService importer;
        private final PullState state;
        private final String server;
        private final ImportCounts counts = new ImportCounts();
        private final List<ChunkOutcome> outcomes = new ArrayList<>();
        private long bytesBefore;
        private int finished;
        private int total;
        private int done;
        private int skipped;
        private int fileNo;
        private ZoneId serverZone = ZoneOffset.UTC;

        Run(PullRequest r, PullListener listener, Dhis2Client client, Path temp) {
            this.r = r;
            this.listener = listener;
            this.client = client;
            this.temp = temp;
            this.importer = new ImportService(workspace);
            this.state = new PullState(workspace.connection());
            this.server = r.server().display();
        }

        PullResult run() throws PullException {
            JsonNode info = client.getJson(r.server().api("system", "info.json").build(), tempFile());
            String zone = info.path("serverTimeZoneId").asText("");
            if (!zone.isBlank()) {
                try {
                    serverZone = ZoneId.of(zone);
                } catch (DateTimeException unknown) {
                    serverZone = ZoneOffset.UTC;
                }
            }
            List<String> ancestors = ancestors();
            PullState.Pull pull;
            try {
                pull = state.begin(r);
            } catch (SQLException e) {
                throw storage(e);
            }
            PullException failure = null;
            try {
                failure = chunks(pull, ancestors);
            } catch (PullException e) {
                failure = e;
            }
            int refused = (int) outcomes.stream().filter(o -> o.status() == Status.FAILED).count();
            if (failure == null && refused > 0) {
                failure = new PullException(PullException.Kind.REFUSED, Problem.of(server, 0, 0, "pull.chunksRefused",
                        refused + " request(s) could not be imported; pull again once corrected",
                        String.valueOf(refused)));
            }
            try {
                String error = failure == null ? null : failure.problem().format();
                boolean complete = failure == null;
                uninterrupted(() -> state.finish(pull.id(), complete, error));
            } catch (SQLException e) {
                if (failure == null) {
                    failure = storage(e);
                }
            }
            return new PullResult(pull.id(), pull.resumed(), total, done, skipped, counts, bytesBefore,
                    List.copyOf(outcomes), Optional.ofNullable(failure));
        }

        /** The chosen org unit's ancestors, from its path; checks that the server knows it. */
        private List<String> ancestors() throws PullException {
            HttpUrl url = r.server().api("organisationUnits", r.orgUnit() + ".json")
                    .addQueryParameter("fields", "id,name,path,level").build();
            JsonNode ou;
            try {
                ou = client.getJson(url, tempFile());
            } catch (PullException e) {
                if ("pull.notFound".equals(e.problem().key())) {
                    throw user("--orgunit", "pull.unknownOrgUnit", "the server has no org unit " + r.orgUnit()
                            + " (or this user may not see it)", r.orgUnit());
                }
                throw e;
            }
            List<String> ancestors = new ArrayList<>();
            for (String uid : ou.path("path").asText("").split("/")) {
                if (!uid.isEmpty() && !uid.equals(r.orgUnit()) && Uids.isUid(uid)) {
                    ancestors.add(uid);
                }
            }
            return ancestors;
        }

        /** All chunks; returns why the pull stopped, null when every chunk was handled. */
        private PullException chunks(PullState.Pull pull, List<String> ancestors) throws PullException {
            Chunk metadata = new Chunk(Kind.METADATA, r.orgUnit(), r.scope() != OrgUnitScope.SELF, "", r.start(),
                    r.end());
            // A resumed pull trusts the metadata it fetched, unless a data set asked for is still missing
            // (shared with the user since, say): then it asks again.
            if (pull.doneChunkKeys().contains(PullState.key(metadata)) && knowsAllDataSets()) {
                skip(metadata);
            } else {
                PullException stop = fetch(pull.id(), metadata, since -> fetchMetadata(ancestors));
                if (stop != null || lastFailed()) {
                    return stop != null ? stop : lastFailure();
                }
            }
            Map<String, PeriodType> periodTypes = periodTypes();
            List<Chunk> plan = new ArrayList<>();
            List<OrgUnitChunk> orgUnits = orgUnitChunks();
            for (String ds : r.dataSets()) {
                List<PeriodChunks.Range> ranges = PeriodChunks.split(periodTypes.get(ds), r.start(), r.end(),
                        options.chunkMonths());
                if (ranges.isEmpty()) {
                    listener.warning(Problem.of(ds, 0, 0, "pull.noWholePeriod", "no whole "
                            + periodTypes.get(ds).dhis2Name() + " period between " + r.start() + " and " + r.end(),
                            periodTypes.get(ds).dhis2Name(), r.start().toString(), r.end().toString()));
                }
                for (PeriodChunks.Range range : ranges) {
                    for (OrgUnitChunk ou : orgUnits) {
                        plan.add(new Chunk(Kind.DATA_VALUES, ou.uid, ou.children, ds, range.start(), range.end()));
                        plan.add(new Chunk(Kind.COMPLETE_REGISTRATIONS, ou.uid, ou.children, ds, range.start(),
                                range.end()));
                    }
                }
            }
            total = plan.size() + 1;
            try {
                state.planned(pull.id(), total);
            } catch (SQLException e) {
                throw storage(e);
            }
            listener.progress(finished, total, bytesBefore);
            for (Chunk chunk : plan) {
                if (pull.doneChunkKeys().contains(PullState.key(chunk))) {
                    skip(chunk);
                    continue;
                }
                PullException stop = fetch(pull.id(), chunk, since -> fetchData(chunk, since));
                if (stop != null) {
                    return stop;
                }
            }
            return null;
        }

        private boolean lastFailed() {
            return !outcomes.isEmpty() && outcomes.get(outcomes.size() - 1).status() == Status.FAILED;
        }

        private PullException lastFailure() {
            Problem p = outcomes.get(outcomes.size() - 1).failure().orElseThrow();
            return new PullException(PullException.Kind.REFUSED, p);
        }

        private void skip(Chunk chunk) {
            skipped++;
            finished++;
            ChunkOutcome o = new ChunkOutcome(chunk, Status.SKIPPED, new ImportCounts(), Optional.empty(),
                    Optional.empty(), 0, List.of(), 0, Optional.empty());
            outcomes.add(o);
            listener.chunk(o);
            listener.progress(finished, total, bytesBefore);
        }

        /** A fetched and imported chunk. */
        private record Fetched(ImportResult result, Dhis2Client.Download download, Optional<String> lastUpdated) {
        }

        @FunctionalInterface
        private interface Fetcher {
            Fetched fetch(Optional<LocalDateTime> since) throws PullException;
        }

        /**
         * Runs one chunk and records it; returns the exception that stops the whole pull (network exhausted,
         * credentials refused, cancelled, storage), or null to go on (also after a chunk whose data was
         * refused: it is marked failed and fetched again by the next pull).
         */
        private PullException fetch(int pullId, Chunk chunk, Fetcher fetcher) {
            int chunkId;
            Optional<LocalDateTime> since;
            try {
                since = chunk.kind() == Kind.DATA_VALUES ? since(chunk) : Optional.empty();
                chunkId = state.start(pullId, server, chunk, since);
            } catch (SQLException e) {
                return storage(e);
            }
            Fetched f;
            try {
                f = fetcher.fetch(since);
            } catch (PullException e) {
                recordFailure(chunkId, chunk, e.problem(), e.kind() == PullException.Kind.NETWORK
                        ? options.retry().maxAttempts() : 1, List.of(), 0);
                return e;
            }
            ImportResult result = f.result();
            if (result.failed()) {
                Problem p = result.failure().orElseThrow();
                // Refused as a file import would be (invalid records, malformed answer): kept out, reported.
                recordFailure(chunkId, chunk, p, f.download().attempts(), result.problems(), result.moreProblems());
                if ("import.cancelled".equals(p.key())) {
                    return new PullException(PullException.Kind.CANCELLED, Problem.of(server, 0, 0, "pull.cancelled",
                            "pull cancelled; what was fetched before is kept, the next pull goes on"));
                }
                if ("import.storageError".equals(p.key())) {
                    return new PullException(PullException.Kind.STORAGE, p);
                }
                return null;
            }
            try {
                Instant watermark = f.download().serverDate()
                        .filter(d -> d.isBefore(f.download().requested()))
                        .orElse(f.download().requested());
                state.done(chunkId, watermark, f.download().attempts(), f.download().bytes(), result.batchId());
            } catch (SQLException e) {
                return storage(e);
            }
            done++;
            finished++;
            counts.add(result.counts());
            List<Problem> problems = new ArrayList<>();
            long outside = 0;
            for (Problem p : result.problems()) {
                // Group members and data set assignments outside the pulled area: expected, summed up.
                if ("import.unknownMember".equals(p.key()) && p.args().size() > 1
                        && "ORG_UNIT".equals(p.args().get(1))) {
                    outside++;
                } else {
                    problems.add(p);
                }
            }
            if (outside > 0) {
                problems.add(Problem.of(chunk.describe(), 0, 0, "pull.outsideMembers", outside + " reference(s) to"
                        + " org units outside the pulled area (group members, data set assignments) were left out",
                        String.valueOf(outside)));
            }
            ChunkOutcome o = new ChunkOutcome(chunk, Status.DONE, result.counts(), result.batchId(), f.lastUpdated(),
                    f.download().bytes(), problems, result.moreProblems(), Optional.empty());
            outcomes.add(o);
            listener.chunk(o);
            listener.progress(finished, total, bytesBefore);
            return null;
        }

        private void recordFailure(int chunkId, Chunk chunk, Problem p, int attempts, List<Problem> problems,
                                   long moreProblems) {
            finished++;
            try {
                uninterrupted(() -> state.failed(chunkId, attempts, p.format()));
            } catch (SQLException ignored) {
                // the chunk stays RUNNING, which the next pull treats as not done: the same outcome
            }
            ChunkOutcome o = new ChunkOutcome(chunk, Status.FAILED, new ImportCounts(), Optional.empty(),
                    Optional.empty(), 0, problems, moreProblems, Optional.of(p));
            outcomes.add(o);
            listener.chunk(o);
        }

        /** The {@code lastUpdated} of an incremental request, in the server's zone; empty: fetch in full. */
        private Optional<LocalDateTime> since(Chunk chunk) throws SQLException {
            return state.watermark(server, chunk).map(w -> LocalDateTime.ofInstant(
                    w.minus(options.safetyMargin()), serverZone).truncatedTo(ChronoUnit.SECONDS));
        }

        // ---- metadata ------------------------------------------------------------------------------

        private Fetched fetchMetadata(List<String> ancestors) throws PullException {
            Path combined = tempFile();
            long bytes = 0;
            int attempts = 1;
            Instant requested = Instant.now();
            Optional<Instant> serverDate = Optional.empty();
            try (JsonGenerator out = JSON.createGenerator(combined.toFile(), JsonEncoding.UTF8)) {
                out.writeStartObject();
                out.writeArrayFieldStart("organisationUnits");
                if (!ancestors.isEmpty()) {
                    bytes += orgUnitPages(out, "id:in:[" + String.join(",", ancestors) + "]", null);
                }
                switch (r.scope()) {
                    case SELF -> bytes += orgUnitPages(out, "id:eq:" + r.orgUnit(), null);
                    case CHILDREN -> bytes += orgUnitPages(out, "path:like:" + r.orgUnit(),
                            "level:le:" + (ancestors.size() + 2));
                    case DESCENDANTS -> bytes += orgUnitPages(out, "path:like:" + r.orgUnit(), null);
                }
                out.writeEndArray();
                HttpUrl url = metadataUrl();
                Path file = tempFile();
                Dhis2Client.Download d = client.download(url, file, this::progress);
                bytesBefore += d.bytes();
                bytes += d.bytes();
                attempts = d.attempts();
                serverDate = d.serverDate();
                copyCollections(url, file, out);
                Files.delete(file);
                out.writeEndObject();
            } catch (IOException e) {
                throw new PullException(PullException.Kind.STORAGE, Problem.of(combined.toString(), 0, 0,
                        "pull.tempFolder", "cannot write in the temporary folder: " + e.getMessage(),
                        String.valueOf(e.getMessage())), e);
            }
            ImportResult result = importer.importDownloaded(combined, "metadata (" + server + ")",
                    server + "/api/metadata (santeatlas pull of " + r.orgUnit() + ")", ImportFormat.DHIS2_METADATA_JSON,
                    options.importOptions(), ImportProgress.NONE);
            deleteQuietly(combined);
            return new Fetched(result, new Dhis2Client.Download(bytes, requested, serverDate, attempts),
                    Optional.empty());
        }

        private HttpUrl metadataUrl() {
            HttpUrl.Builder b = r.server().api("metadata.json").addQueryParameter("skipSharing", "true");
            String dataSets = "[" + String.join(",", r.dataSets()) + "]";
            for (Map.Entry<String, String> type : METADATA_FIELDS.entrySet()) {
                b.addQueryParameter(type.getKey(), "true");
                b.addQueryParameter(type.getKey() + ":fields", type.getValue());
            }
            b.addQueryParameter("dataSets:filter", "id:in:" + dataSets);
            b.addQueryParameter("dataElements:filter", "dataSetElements.dataSet.id:in:" + dataSets);
            return b.build();
        }

        /**
         * Fetches every page of {@code /api/organisationUnits} for a filter and copies the org units into
         * {@code out}; returns the bytes received. The next page is asked for by number on the address the
         * user gave, not by following {@code pager.nextPage}: behind a proxy DHIS2 often writes that link
         * with another scheme or host, where the credentials must not go.
         */
        private long orgUnitPages(JsonGenerator out, String filter, String secondFilter) throws PullException,
                IOException {
            long bytes = 0;
            for (int page = 1; page <= MAX_PAGES; page++) {
                HttpUrl.Builder b = r.server().api("organisationUnits.json")
                        .addQueryParameter("fields", ORG_UNIT_FIELDS)
                        .addQueryParameter("filter", filter);
                if (secondFilter != null) {
                    b.addQueryParameter("filter", secondFilter);
                }
                HttpUrl url = b.addQueryParameter("paging", "true")
                        .addQueryParameter("pageSize", String.valueOf(options.pageSize()))
                        .addQueryParameter("page", String.valueOf(page)).build();
                Path file = tempFile();
                Dhis2Client.Download d = client.download(url, file, this::progress);
                bytesBefore += d.bytes();
                bytes += d.bytes();
                JsonNode pager = copyOrgUnits(url, file, out);
                Files.delete(file);
                if (pager == null) {
                    return bytes;
                }
                int current = pager.path("page").asInt(page);
                int count = pager.path("pageCount").asInt(current);
                boolean more = pager.hasNonNull("nextPage") || current < count;
                if (!more || current >= count) {
                    return bytes;
                }
                page = current;
            }
            return bytes;
        }

        /** Streams a page's {@code organisationUnits} into {@code out}; returns its {@code pager}, if any. */
        private JsonNode copyOrgUnits(HttpUrl url, Path file, JsonGenerator out) throws PullException, IOException {
            JsonNode pager = null;
            try (JsonParser p = JSON.createParser(file.toFile())) {
                p.setCodec(MAPPER);
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw badAnswer(url, "not a JSON object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    if (field.equals("pager") && t == JsonToken.START_OBJECT) {
                        pager = p.readValueAsTree();
                    } else if (field.equals("organisationUnits") && t == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            out.copyCurrentStructure(p);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw badAnswer(url, e.getOriginalMessage());
            }
            return pager;
        }

        /** Streams the collections of a {@code /api/metadata} answer into {@code out}. */
        private void copyCollections(HttpUrl url, Path file, JsonGenerator out) throws PullException, IOException {
            try (JsonParser p = JSON.createParser(file.toFile())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw badAnswer(url, "not a JSON object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.START_ARRAY && !field.equals("organisationUnits")) {
                        out.writeFieldName(field);
                        out.copyCurrentStructure(p);
                    } else {
                        p.skipChildren();
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw badAnswer(url, e.getOriginalMessage());
            }
        }

        private PullException badAnswer(HttpUrl url, String reason) {
            return new PullException(PullException.Kind.REFUSED, Problem.of(ServerUrl.show(url), 0, 0,
                    "pull.badAnswer", "unreadable answer from the server: " + reason, String.valueOf(reason)));
        }

        private boolean knowsAllDataSets() throws PullException {
            try (PreparedStatement st = workspace.connection().prepareStatement(
                    "SELECT COUNT(*) FROM DATA_SET WHERE UID = ?")) {
                for (String ds : r.dataSets()) {
                    st.setString(1, ds);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) == 0) {
                            return false;
                        }
                    }
                }
                return true;
            } catch (SQLException e) {
                throw storage(e);
            }
        }

        /** The period type of each data set asked for, from the metadata just imported. */
        private Map<String, PeriodType> periodTypes() throws PullException {
            Map<String, PeriodType> types = new LinkedHashMap<>();
            try (PreparedStatement st = workspace.connection().prepareStatement(
                    "SELECT PERIOD_TYPE FROM DATA_SET WHERE UID = ?")) {
                for (String ds : r.dataSets()) {
                    st.setString(1, ds);
                    try (ResultSet rs = st.executeQuery()) {
                        if (!rs.next()) {
                            throw user("--dataset", "pull.unknownDataSet", "the server has no data set " + ds
                                    + " (or this user may not see it)", ds);
                        }
                        types.put(ds, PeriodType.fromDhis2Name(rs.getString(1)));
                    }
                }
            } catch (SQLException e) {
                throw storage(e);
            }
            return types;
        }

        private record OrgUnitChunk(String uid, boolean children) {
        }

        /** The org unit itself, then each child (with its subtree for --descendants), from the workspace. */
        private List<OrgUnitChunk> orgUnitChunks() throws PullException {
            List<OrgUnitChunk> chunks = new ArrayList<>();
            chunks.add(new OrgUnitChunk(r.orgUnit(), false));
            if (r.scope() == OrgUnitScope.SELF) {
                return chunks;
            }
            try (PreparedStatement st = workspace.connection().prepareStatement(
                    "SELECT UID FROM ORG_UNIT WHERE PARENT_UID = ? AND NOT PLACEHOLDER ORDER BY UID")) {
                st.setString(1, r.orgUnit());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        chunks.add(new OrgUnitChunk(rs.getString(1), r.scope() == OrgUnitScope.DESCENDANTS));
                    }
                }
            } catch (SQLException e) {
                throw storage(e);
            }
            return chunks;
        }

        // ---- data ----------------------------------------------------------------------------------

        private Fetched fetchData(Chunk chunk, Optional<LocalDateTime> since) throws PullException {
            HttpUrl.Builder b = r.server().api(chunk.kind() == Kind.DATA_VALUES ? "dataValueSets.json"
                            : "completeDataSetRegistrations.json")
                    .addQueryParameter("dataSet", chunk.dataSet())
                    .addQueryParameter("orgUnit", chunk.orgUnit());
            if (chunk.children()) {
                // DHIS2: children=true means the org unit's whole subtree.
                b.addQueryParameter("children", "true");
            }
            b.addQueryParameter("startDate", chunk.start().toString())
                    .addQueryParameter("endDate", chunk.end().toString());
            Optional<String> lastUpdated = since.map(LAST_UPDATED::format);
            if (lastUpdated.isPresent()) {
                b.addQueryParameter("lastUpdated", lastUpdated.get());
                // So that values deleted on the server since are deleted here too.
                b.addQueryParameter("includeDeleted", "true");
            }
            HttpUrl url = b.build();
            Path file = tempFile();
            Dhis2Client.Download d = client.download(url, file, this::progress);
            bytesBefore += d.bytes();
            ImportResult result = importer.importDownloaded(file, chunk.describe(), ServerUrl.show(url),
                    chunk.kind() == Kind.DATA_VALUES ? ImportFormat.DHIS2_DATA_VALUE_SET_JSON
                            : ImportFormat.DHIS2_COMPLETE_REGISTRATIONS_JSON,
                    options.importOptions(), ImportProgress.NONE);
            deleteQuietly(file);
            return new Fetched(result, d, lastUpdated);
        }

        // ---- helpers -------------------------------------------------------------------------------

        private void progress(long bytesOfThisDownload) {
            listener.progress(finished, total, bytesBefore + bytesOfThisDownload);
        }

        private Path tempFile() {
            return temp.resolve("answer-" + (++fileNo) + ".json");
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    /**
     * Records the outcome of a cancelled pull too: the interrupt is set aside while the bookkeeping is
     * written (H2 may refuse file work on an interrupted thread), then restored for the caller.
     */
    private static void uninterrupted(SqlAction action) throws SQLException {
        boolean interrupted = Thread.interrupted();
        try {
            action.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static PullException storage(SQLException e) {
        return new PullException(PullException.Kind.STORAGE, Problem.of("workspace", 0, 0, "pull.storage",
                "the workspace could not record the pull: " + e.getMessage(), String.valueOf(e.getMessage())), e);
    }

}
