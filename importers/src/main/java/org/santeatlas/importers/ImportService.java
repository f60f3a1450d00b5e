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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.santeatlas.core.store.ImportCounts;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.dhis2.CompleteRegistrationJsonImporter;
import org.santeatlas.importers.dhis2.DataValueSetCsvImporter;
import org.santeatlas.importers.dhis2.DataValueSetJsonImporter;
import org.santeatlas.importers.dhis2.DataValueSetXmlImporter;
import org.santeatlas.importers.dhis2.MetadataJsonImporter;
import org.santeatlas.importers.locality.LocalityCsvImporter;
import org.santeatlas.importers.registry.RegistryCsvImporter;

/**
 * Imports files into a workspace: detects the format, runs the importer in one transaction and records
 * an import batch. A file that fails as a whole leaves the workspace exactly as it was; a file that
 * changes nothing (a re-import) leaves no batch either.
 *
 * <p>Blocking; call it from a background thread. Interrupting the thread cancels the import (rolled back).
 */
public final class ImportService {

    /** Record-level problems kept per file; the rest are counted. */
    public static final int MAX_PROBLEMS = 1000;

    private final Workspace workspace;

    public ImportService(Workspace workspace) {
        this.workspace = workspace;
    }

    public static Importer importerFor(ImportFormat format) {
        return switch (format) {
            case DHIS2_METADATA_JSON -> new MetadataJsonImporter();
            case DHIS2_DATA_VALUE_SET_JSON -> new DataValueSetJsonImporter();
            case DHIS2_DATA_VALUE_SET_CSV -> new DataValueSetCsvImporter();
            case DHIS2_DATA_VALUE_SET_XML -> new DataValueSetXmlImporter();
            case DHIS2_COMPLETE_REGISTRATIONS_JSON -> new CompleteRegistrationJsonImporter();
            case REGISTRY_CSV -> new RegistryCsvImporter();
            case LOCALITIES_CSV -> new LocalityCsvImporter();
        };
    }

    public ImportResult importFile(Path file, Optional<ImportFormat> forced, ImportProgress progress) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        ImportCounts counts = new ImportCounts();
        if (!Files.isRegularFile(file)) {
            return failed(file, null, counts, Problem.of(file.toString(), 0, 0, "import.fileNotFound",
                    "no such file", file.toString()));
        }
        ImportFormat format;
        try {
            format = forced.isPresent() ? forced.get() : FormatDetector.detect(file).orElse(null);
        } catch (IOException e) {
            return failed(file, null, counts, Problem.of(name, 0, 0, "import.unreadable",
                    "cannot read the file: " + e.getMessage(), e.getMessage()));
        }
        if (format == null) {
            return failed(file, null, counts, Problem.of(name, 1, 0, "import.unknownFormat",
                    "format not recognised (expected DHIS2 JSON, XML or CSV, a facility registry or a localities CSV);"
                            + " use --format to choose one"));
        }
        List<Problem> problems = new ArrayList<>();
        long[] dropped = {0};
        Connection connection = workspace.connection();
        try {
            connection.setAutoCommit(false);
            int batchId = startBatch(connection, file, format);
            HashingInput input = new HashingInput(file);
            ImportContext context = new ImportContext(file, name, connection, batchId, p -> {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(p);
                } else {
                    dropped[0]++;
                }
            }, progress, counts, input);
            importerFor(format).run(context);
            if (!counts.changedAnything()) {
                connection.rollback();
                return new ImportResult(file, format, counts, Optional.empty(), Optional.empty(), problems,
                        dropped[0]);
            }
            Optional<String> digest = input.digestIfComplete();
            finishBatch(connection, batchId, counts, problems, digest.isPresent() ? digest.get() : sha256(file));
            connection.commit();
            return new ImportResult(file, format, counts, Optional.of(batchId), Optional.empty(), problems,
                    dropped[0]);
        } catch (ImportFailure e) {
            rollback(connection);
            return failed(file, format, counts, e.problem());
        } catch (IOException e) {
            rollback(connection);
            return failed(file, format, counts, Problem.of(name, 0, 0, "import.unreadable",
                    "cannot read the file: " + e.getMessage(), String.valueOf(e.getMessage())));
        } catch (SQLException e) {
            rollback(connection);
            if ("57014".equals(e.getSQLState()) || Thread.currentThread().isInterrupted()) {
                return failed(file, format, counts, Problem.of(name, 0, 0, "import.cancelled",
                        "import cancelled; the workspace is unchanged"));
            }
            return failed(file, format, counts, Problem.of(name, 0, 0, "import.storageError",
                    "the workspace could not store the file: " + e.getMessage(), String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            rollback(connection);
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is broken; the next use reports it
            }
        }
    }

    private static ImportResult failed(Path file, ImportFormat format, ImportCounts counts, Problem problem) {
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

    private static int startBatch(Connection c, Path file, ImportFormat format) throws SQLException, IOException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO IMPORT_BATCH(FILE_NAME, FILE_SIZE, FORMAT,"
                + " STARTED) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, file.toAbsolutePath().toString());
            insert.setLong(2, Files.size(file));
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
