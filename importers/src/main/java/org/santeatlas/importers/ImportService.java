package org.santeatlas.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.santeatlas.core.store.ImportCounts;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.climate.ClimateCsvImporter;
import org.santeatlas.importers.dhis2.AdxImporter;
import org.santeatlas.importers.dhis2.AnalyticsJsonImporter;
import org.santeatlas.importers.dhis2.AnalyticsTableImporter;
import org.santeatlas.importers.dhis2.CompleteRegistrationJsonImporter;
import org.santeatlas.importers.dhis2.DataValueSetCsvImporter;
import org.santeatlas.importers.dhis2.DataValueSetJsonImporter;
import org.santeatlas.importers.dhis2.DataValueSetXmlImporter;
import org.santeatlas.importers.dhis2.MetadataJsonImporter;
import org.santeatlas.importers.dhis2.MetadataXmlImporter;
import org.santeatlas.importers.geo.BoundaryGeoJsonImporter;
import org.santeatlas.importers.geo.BoundaryShapefileImporter;
import org.santeatlas.importers.geo.Shapefile;
import org.santeatlas.importers.locality.LocalityCsvImporter;
import org.santeatlas.importers.locality.LocalityXlsxImporter;
import org.santeatlas.importers.registry.RegistryCsvImporter;
import org.santeatlas.importers.registry.RegistryFhirImporter;
import org.santeatlas.importers.registry.RegistryGeoJsonImporter;
import org.santeatlas.importers.registry.RegistryShapefileImporter;
import org.santeatlas.importers.registry.RegistryXlsxImporter;
import org.santeatlas.importers.survey.SurveyCsvImporter;

/**
 * Imports files into a workspace: detects the format, runs the importer in one transaction and records
 * an import batch. A file that fails as a whole leaves the workspace exactly as it was; a file that
 * changes nothing (a re-import) leaves no batch either. Files may come gzipped or in a zip archive (see
 * {@link #importPath}): a gzipped data value file or a zip of one is decompressed as it is read
 * ({@link CompressedStream}); other compressed files are unpacked to a private temporary folder first.
 * Both stay within caps against zip bombs.
 *
 * <p>Blocking; call it from a background thread. Interrupting the thread cancels the import (rolled back).
 */
public final class ImportService {

    /** Record-level problems kept per file; the rest are counted. */
    public static final int MAX_PROBLEMS = 1000;

    private final Workspace workspace;
    private final Optional<Path> unpackFolder;

    public ImportService(Workspace workspace) {
        this(workspace, Optional.empty());
    }

    /** @param unpackFolder where compressed files are unpacked; empty: the system's temporary folder */
    ImportService(Workspace workspace, Optional<Path> unpackFolder) {
        this.workspace = workspace;
        this.unpackFolder = unpackFolder;
    }

    public static Importer importerFor(ImportFormat format) {
        return switch (format) {
            case DHIS2_METADATA_JSON -> new MetadataJsonImporter();
            case DHIS2_DATA_VALUE_SET_JSON -> new DataValueSetJsonImporter();
            case DHIS2_DATA_VALUE_SET_CSV -> new DataValueSetCsvImporter();
            case DHIS2_DATA_VALUE_SET_XML -> new DataValueSetXmlImporter();
            case DHIS2_COMPLETE_REGISTRATIONS_JSON -> new CompleteRegistrationJsonImporter();
            case REGISTRY_CSV -> new RegistryCsvImporter();
            case REGISTRY_GEOJSON -> new RegistryGeoJsonImporter();
            case LOCALITIES_CSV -> new LocalityCsvImporter();
            case REGISTRY_FHIR -> new RegistryFhirImporter();
            case SURVEY_CSV -> new SurveyCsvImporter();
            case CLIMATE_CSV -> new ClimateCsvImporter();
            case REGISTRY_SHAPEFILE -> new RegistryShapefileImporter();
            case BOUNDARIES_GEOJSON -> new BoundaryGeoJsonImporter();
            case BOUNDARIES_SHAPEFILE -> new BoundaryShapefileImporter();
            case DHIS2_ADX -> new AdxImporter();
            case DHIS2_METADATA_XML -> new MetadataXmlImporter();
            case REGISTRY_XLSX -> new RegistryXlsxImporter();
            case LOCALITIES_XLSX -> new LocalityXlsxImporter();
            case DHIS2_ANALYTICS_JSON -> new AnalyticsJsonImporter();
            case DHIS2_ANALYTICS_CSV -> new AnalyticsTableImporter(ImportFormat.DHIS2_ANALYTICS_CSV);
            case DHIS2_ANALYTICS_XLSX -> new AnalyticsTableImporter(ImportFormat.DHIS2_ANALYTICS_XLSX);
        };
    }

    /**
     * Imports one file: plain, gzipped, or a zip archive holding exactly one file (as DHIS2's
     * {@code .json.zip} exports do). An archive of several files is refused untouched: use
     * {@link #importPath}.
     */
    public ImportResult importFile(Path file, Optional<ImportFormat> forced, ImportProgress progress) {
        return importFile(file, forced, ImportOptions.DEFAULTS, progress);
    }

    /** {@link #importFile(Path, Optional, ImportProgress)} with the user's options. */
    public ImportResult importFile(Path file, Optional<ImportFormat> forced, ImportOptions options,
                                   ImportProgress progress) {
        List<ImportResult> results = importPath(file, forced, options, progress, true);
        return results.get(0);
    }

    /**
     * Imports a file downloaded from a server ({@code santeatlas pull}) exactly as a file import of that
     * format would — one transaction, one batch, the same validation — but named after where it came from.
     * The caller downloads into a private temporary file first, so that a response cut short never reaches
     * the workspace.
     *
     * @param content     the downloaded bytes (plain, not compressed)
     * @param displayName how problems name it, e.g. {@code dataValueSets ou=… 2024-01-01..2024-12-31}
     * @param batchName   {@code IMPORT_BATCH.FILE_NAME}: the request's URL, never with credentials
     */
    public ImportResult importDownloaded(Path content, String displayName, String batchName, ImportFormat format,
                                         ImportOptions options, ImportProgress progress) {
        ImportSource source;
        try {
            source = new ImportSource(content, displayName, batchName, Files.size(content), Optional.empty(),
                    content);
        } catch (IOException e) {
            return failed(content, format, unreadable(displayName, e));
        }
        return importSource(source, Optional.of(format), options, progress);
    }

    /**
     * Imports a file, or each file a zip archive holds, and returns one result per file imported (a plain
     * or gzipped file: a list of one). Recognised by content: gzip and zip by their magic bytes. A
     * shapefile in an archive is one file: its {@code .shp}, imported with the {@code .dbf}, {@code .shx},
     * {@code .prj} and {@code .cpg} of the same name in the same folder of the archive.
     *
     * <p>Each entry of an archive is imported as its own file (its own transaction and batch), named
     * {@code archive.zip!entry} in problems, in {@code IMPORT_BATCH.FILE_NAME} and in
     * {@link ImportResult#file()}. Entries go metadata first, then registries and localities, data values,
     * completeness (entry order within each), unless {@code forced} is given, which then applies to
     * every entry, in entry order. An unsafe or oversized archive is refused as a whole before anything
     * is unpacked or imported: a single failed result naming the archive or the offending entry.
     *
     * <p>A gzipped file's batch records the {@code .gz} as given (path, size, SHA-256); an entry's batch
     * records the entry (its unpacked size and the SHA-256 of its bytes).
     */
    public List<ImportResult> importPath(Path file, Optional<ImportFormat> forced, ImportProgress progress) {
        return importPath(file, forced, ImportOptions.DEFAULTS, progress, false);
    }

    /** {@link #importPath(Path, Optional, ImportProgress)} with the user's options. */
    public List<ImportResult> importPath(Path file, Optional<ImportFormat> forced, ImportOptions options,
                                         ImportProgress progress) {
        return importPath(file, forced, options, progress, false);
    }

    private List<ImportResult> importPath(Path file, Optional<ImportFormat> forced, ImportOptions options,
                                          ImportProgress progress, boolean single) {
        String name = fileName(file);
        if (!Files.isRegularFile(file)) {
            return List.of(failed(file, null, Problem.of(file.toString(), 0, 0, "import.fileNotFound",
                    "no such file", file.toString())));
        }
        Compression compression;
        ImportSource plain;
        try {
            compression = Compression.of(file);
            plain = ImportSource.plain(file);
        } catch (IOException e) {
            return List.of(failed(file, null, unreadable(name, e)));
        }
        if (compression == Compression.NONE) {
            return List.of(importSource(plain, forced, options, progress));
        }
        try {
            // A gzipped data value file, or a zip of one, is read in place: no temporary copy.
            Optional<CompressedStream> streamed = CompressedStream.open(file, compression, forced);
            if (streamed.isPresent()) {
                return List.of(importSource(streamed.get().source(), Optional.of(streamed.get().format()), options,
                        progress, streamed.get()));
            }
        } catch (IOException e) {
            return List.of(failed(file, null, unreadable(name, e)));
        }
        try (CompressedFiles unpacked = CompressedFiles.unpack(file, compression, unpackFolder)) {
            // A shapefile is one import of its .shp, which finds its .dbf, .shx, .prj beside it.
            List<ImportSource> sources = unpacked.sources().stream()
                    .filter(s -> !Shapefile.isSidecar(s.content(),
                            unpacked.sources().stream().map(ImportSource::content).toList()))
                    .toList();
            if (single && sources.size() > 1) {
                return List.of(failed(file, null, Problem.of(name, 0, 0, "import.archiveSeveralFiles",
                        "the archive holds " + sources.size() + " files; import it as an archive to import each",
                        String.valueOf(sources.size()))));
            }
            record Planned(ImportSource source, Optional<ImportFormat> format) {
            }
            List<Planned> plan = new ArrayList<>();
            for (ImportSource source : sources) {
                plan.add(new Planned(source, forced.isPresent() ? forced : detectQuietly(source.content())));
            }
            if (forced.isEmpty()) {
                // Metadata first, so that data values find their data elements and org units (stable sort).
                plan.sort(Comparator.comparingInt(p -> importOrder(p.format().orElse(null))));
            }
            List<ImportResult> results = new ArrayList<>();
            for (Planned p : plan) {
                if (Thread.currentThread().isInterrupted()) {
                    results.add(failed(p.source().resultPath(), null, Problem.of(p.source().displayName(), 0, 0,
                            "import.cancelled", "import cancelled; the workspace is unchanged")));
                } else if (Compression.of(p.source().content()) != Compression.NONE) {
                    // One level only: an archive inside an archive would multiply the zip bomb caps.
                    results.add(failed(p.source().resultPath(), null, Problem.of(p.source().displayName(), 0, 0,
                            "import.nestedArchive", "a compressed file inside an archive is not unpacked;"
                                    + " unpack it first")));
                } else {
                    results.add(importSource(p.source(), p.format(), options, progress));
                }
            }
            return results;
        } catch (ImportFailure e) {
            return List.of(failed(file, null, e.problem()));
        } catch (IOException e) {
            return List.of(failed(file, null, unreadable(name, e)));
        }
    }

    /** Detection for ordering only: an unreadable file is imported last and reports its own problem. */
    private static Optional<ImportFormat> detectQuietly(Path file) {
        try {
            return FormatDetector.detect(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The order in which several files are imported (an archive's entries, the files of one command):
     * what others refer to comes first. Unknown formats last.
     */
    public static int importOrder(ImportFormat f) {
        if (f == null) {
            return 9;
        }
        return switch (f) {
            case DHIS2_METADATA_JSON, DHIS2_METADATA_XML -> 0;
            // Registries, localities and boundaries after the metadata whose org units they refer to.
            case REGISTRY_CSV, REGISTRY_GEOJSON, LOCALITIES_CSV, REGISTRY_FHIR, REGISTRY_SHAPEFILE, BOUNDARIES_GEOJSON,
                 BOUNDARIES_SHAPEFILE, REGISTRY_XLSX, LOCALITIES_XLSX -> 1;
            // Survey values and climate aggregates name org units: after the metadata.
            case DHIS2_DATA_VALUE_SET_JSON, DHIS2_DATA_VALUE_SET_CSV, DHIS2_DATA_VALUE_SET_XML, DHIS2_ADX, SURVEY_CSV,
                 CLIMATE_CSV, DHIS2_ANALYTICS_JSON, DHIS2_ANALYTICS_CSV, DHIS2_ANALYTICS_XLSX -> 2;
            case DHIS2_COMPLETE_REGISTRATIONS_JSON -> 3;
        };
    }

    private ImportResult importSource(ImportSource source, Optional<ImportFormat> forced, ImportOptions options,
                                      ImportProgress progress) {
        return importSource(source, forced, options, progress, null);
    }

    /** @param streamed the compressed file read in place, or null when {@code source.content()} is plain */
    private ImportResult importSource(ImportSource source, Optional<ImportFormat> forced, ImportOptions options,
                                      ImportProgress progress, CompressedStream streamed) {
        Path file = source.resultPath();
        String name = source.displayName();
        ImportCounts counts = new ImportCounts();
        ImportFormat format;
        try {
            format = forced.isPresent() ? forced.get() : FormatDetector.detect(source.content()).orElse(null);
        } catch (IOException e) {
            return failed(file, null, unreadable(name, e));
        }
        if (format == null) {
            Optional<Problem> sheet = SheetTable.whyUnreadable(source.content(), name);
            if (sheet.isPresent()) {
                return failed(file, null, sheet.get());
            }
        }
        if (format == null) {
            return failed(file, null, Problem.of(name, 1, 0, "import.unknownFormat",
                    "format not recognised (expected a DHIS2 export: metadata, data values, ADX, analytics; a facility"
                            + " registry, boundaries, localities, survey or climate file); use --format to choose one"));
        }
        List<Problem> problems = new ArrayList<>();
        List<ImportReport> reports = new ArrayList<>();
        long[] dropped = {0};
        Connection connection = workspace.connection();
        try {
            connection.setAutoCommit(false);
            int batchId = startBatch(connection, source, format);
            HashingInput input = streamed != null ? streamed.input() : new HashingInput(source.content());
            ImportContext context = new ImportContext(source.content(), name, connection, batchId, p -> {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(p);
                } else {
                    dropped[0]++;
                }
            }, progress, counts, input, options, reports::add);
            importerFor(format).run(context);
            if (streamed != null && streamed.failure().isPresent()) {
                // Defensive: an importer that reported the stream's failure as a record problem.
                rollback(connection);
                return failed(file, format, streamed.failure().get());
            }
            if (counts.rejectedCount() > 0 && !options.skipInvalid()) {
                // The default: a file with any invalid record changes nothing; the user fixes it, or asks
                // for the valid records only (--skip-invalid).
                connection.rollback();
                String n = String.valueOf(counts.rejectedCount());
                Problem refused = Problem.of(name, 0, 0, "import.invalidRecords", n + " invalid record(s);"
                        + " nothing was imported. Correct the file, or import its valid records with --skip-invalid", n);
                return new ImportResult(file, format, counts, Optional.empty(), Optional.of(refused), problems,
                        dropped[0], reports);
            }
            if (!counts.changedAnything()) {
                connection.rollback();
                return new ImportResult(file, format, counts, Optional.empty(), Optional.empty(), problems,
                        dropped[0], reports);
            }
            String digest = source.sha256().isPresent() ? source.sha256().get()
                    : input.digestIfComplete().orElse(null);
            finishBatch(connection, batchId, counts, problems, digest != null ? digest : input.sha256());
            connection.commit();
            return new ImportResult(file, format, counts, Optional.of(batchId), Optional.empty(), problems,
                    dropped[0], reports);
        } catch (ImportFailure e) {
            rollback(connection);
            return failed(file, format, streamFailure(streamed).orElse(e.problem()));
        } catch (IOException e) {
            rollback(connection);
            return failed(file, format, streamFailure(streamed).orElse(unreadable(name, e)));
        } catch (SQLException e) {
            rollback(connection);
            if (streamFailure(streamed).isPresent()) {
                return failed(file, format, streamFailure(streamed).get());
            }
            if ("57014".equals(e.getSQLState()) || Thread.currentThread().isInterrupted()) {
                return failed(file, format, Problem.of(name, 0, 0, "import.cancelled",
                        "import cancelled; the workspace is unchanged"));
            }
            return failed(file, format, Problem.of(name, 0, 0, "import.storageError",
                    "the workspace could not store the file: " + e.getMessage(), String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            rollback(connection);
            if (streamFailure(streamed).isPresent()) {
                // A parser that wraps the stream's failure unchecked (Commons CSV: UncheckedIOException).
                return failed(file, format, streamFailure(streamed).get());
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is broken; the next use reports it
            }
        }
    }

    /** What stopped a compressed file read in place (a cap, damage), which the parser may have reworded. */
    private static Optional<Problem> streamFailure(CompressedStream streamed) {
        return streamed == null ? Optional.empty() : streamed.failure();
    }

    static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    private static Problem unreadable(String name, IOException e) {
        return Problem.of(name, 0, 0, "import.unreadable", "cannot read the file: " + e.getMessage(),
                String.valueOf(e.getMessage()));
    }

    private static ImportResult failed(Path file, ImportFormat format, Problem problem) {
        return new ImportResult(file, format, new ImportCounts(), Optional.empty(), Optional.of(problem), List.of(),
                0);
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // nothing more can be done; H2 rolls back an unfinished transaction on close
        }
    }

    private static int startBatch(Connection c, ImportSource source, ImportFormat format) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO IMPORT_BATCH(FILE_NAME, FILE_SIZE, FORMAT,"
                + " STARTED) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            String name = source.batchName();
            // IMPORT_BATCH.FILE_NAME is VARCHAR(1000) (V1__workspace.sql); a deep archive entry keeps its end.
            insert.setString(1, name.length() <= 1000 ? name : "…" + name.substring(name.length() - 999));
            insert.setLong(2, source.batchSize());
            insert.setString(3, format.id());
            insert.setObject(4, OffsetDateTime.now());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    private static void finishBatch(Connection c, int batchId, ImportCounts counts, List<Problem> problems,
                                    String sha256) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE IMPORT_BATCH SET FINISHED = ?, CREATED_COUNT = ?,"
                + " UPDATED_COUNT = ?, UNCHANGED_COUNT = ?, DELETED_COUNT = ?, REJECTED_COUNT = ?, ERRORS = ?,"
                + " FILE_SHA256 = ? WHERE ID = ?")) {
            update.setObject(1, OffsetDateTime.now());
            update.setLong(2, counts.createdCount());
            update.setLong(3, counts.updatedCount());
            update.setLong(4, counts.unchangedCount());
            update.setLong(5, counts.deletedCount());
            update.setLong(6, counts.rejectedCount());
            update.setString(7, problems.isEmpty() ? null
                    : problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
            update.setString(8, sha256);
            update.setInt(9, batchId);
            update.executeUpdate();
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
