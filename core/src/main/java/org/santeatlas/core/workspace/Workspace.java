package org.santeatlas.core.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.h2gis.functions.factory.H2GISFunctions;

/**
 * A SantéAtlas workspace: one H2 file ({@code NAME.mv.db}) with H2GIS loaded and a schema kept by
 * Flyway migrations in {@code db/workspace}.
 *
 * <p>A workspace holds one JDBC connection; it is not thread-safe: one thread at a time (a background
 * task, never the JavaFX thread) uses it.
 */
public final class Workspace implements AutoCloseable {

    /** The file name ending H2 gives its database files. */
    public static final String FILE_SUFFIX = ".mv.db";

    static final String MIGRATIONS = "classpath:db/workspace";
    static final String APPLICATION = "SantéAtlas";
    private static final String DEFAULT_ATTRIBUTE_OPTION_COMBO = "HllvX50cXC0";

    /** Flyway reports each step at INFO through java.util.logging: keep the console for the user. */
    private static final java.util.logging.Logger FLYWAY_LOG = quietFlyway();

    private final Path file;
    private final AccessMode mode;
    private final Connection connection;
    private final int schemaVersion;

    private Workspace(Path file, AccessMode mode, Connection connection, int schemaVersion) {
        this.file = file;
        this.mode = mode;
        this.connection = connection;
        this.schemaVersion = schemaVersion;
    }

    /**
     * The workspace file for a path the user typed: {@code x} and {@code x.mv.db} name the same file.
     */
    public static Path fileFor(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        return name.endsWith(FILE_SUFFIX) ? absolute : absolute.resolveSibling(name + FILE_SUFFIX);
    }

    /** The highest schema version this build knows (the last migration shipped in {@code core}). */
    public static int latestSchemaVersion() {
        return LatestVersion.VALUE;
    }

    /** Creates a new, empty workspace; refuses to touch an existing file. */
    public static Workspace create(Path path) {
        Path file = fileFor(path);
        if (Files.exists(file)) {
            throw new WorkspaceException(WorkspaceException.Reason.ALREADY_EXISTS, file,
                    "A file already exists at " + file);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.STORAGE, file,
                    "Cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        Connection connection = connect(file, AccessMode.READ_WRITE);
        try {
            // Flyway first: it wants an empty schema. Then H2GIS registers its functions and
            // metadata tables in the database file itself (≈0.7 s, once).
            migrate(file);
            H2GISFunctions.load(connection);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO WORKSPACE_INFO(INFO_KEY, INFO_VALUE) VALUES (?, ?)")) {
                insertInfo(insert, "application", APPLICATION);
                insertInfo(insert, "created", OffsetDateTime.now().toString());
                insertInfo(insert, "demo", "false");
            }
            return new Workspace(file, AccessMode.READ_WRITE, connection, readSchemaVersion(connection));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            deleteQuietly(file);
            if (e instanceof WorkspaceException we) {
                throw we;
            }
            throw new WorkspaceException(WorkspaceException.Reason.STORAGE, file,
                    "Cannot create the workspace " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing workspace. An older schema is migrated (read-write only); a newer one, a file
     * that is not an H2 database or an H2 database that is not a workspace is refused, unmodified.
     */
    public static Workspace open(Path path, AccessMode mode) {
        Path file = fileFor(path);
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException(WorkspaceException.Reason.NOT_FOUND, file, "No workspace at " + file);
        }
        checkH2Header(file);
        int version = inspect(file);
        int latest = latestSchemaVersion();
        if (version > latest) {
            throw new WorkspaceException(WorkspaceException.Reason.NEWER_VERSION, file,
                    file + " was written by a newer SantéAtlas (schema " + version + ", this version reads up to "
                            + latest + "): update SantéAtlas to open it",
                    String.valueOf(version), String.valueOf(latest));
        }
        if (version < latest) {
            if (mode == AccessMode.READ_ONLY) {
                throw new WorkspaceException(WorkspaceException.Reason.READ_ONLY, file,
                        file + " has schema " + version + " and must be upgraded to " + latest
                                + ": open it once read-write",
                        String.valueOf(version), String.valueOf(latest));
            }
            migrate(file);
        }
        Connection connection = connect(file, mode);
        try {
            return new Workspace(file, mode, connection, readSchemaVersion(connection));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw storage(file, e);
        }
    }

    /** Opens the workspace at {@code path} read-write, creating it when no file exists yet. */
    public static Workspace openOrCreate(Path path) {
        return Files.exists(fileFor(path)) ? open(path, AccessMode.READ_WRITE) : create(path);
    }

    public Path file() {
        return file;
    }

    /** The workspace's name: its file name without {@code .mv.db}. */
    public String name() {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - FILE_SUFFIX.length());
    }

    public AccessMode mode() {
        return mode;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** The JDBC connection, auto-commit on; callers that write open their own transaction. */
    public Connection connection() {
        return connection;
    }

    /** Whether this workspace is the built-in fictional demo. */
    public boolean isDemo() {
        return "true".equals(info("demo").orElse("false"));
    }

    public void markDemo(boolean demo) {
        setInfo("demo", Boolean.toString(demo));
    }

    /** A value of the workspace's key-value information table. */
    public Optional<String> info(String key) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT INFO_VALUE FROM WORKSPACE_INFO WHERE INFO_KEY = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw storage(file, e);
        }
    }

    public void setInfo(String key, String value) {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO WORKSPACE_INFO(INFO_KEY, INFO_VALUE) KEY(INFO_KEY) VALUES (?, ?)")) {
            merge.setString(1, key);
            merge.setString(2, value);
            merge.executeUpdate();
        } catch (SQLException e) {
            throw storage(file, e);
        }
    }

    /** Counts of every entity, the period range of the data values and the extent of the geometries. */
    public WorkspaceSummary summary() {
        try (Statement st = connection.createStatement()) {
            long[] counts = new long[12];
            String[] queries = {
                "SELECT COUNT(*) FROM ORG_UNIT",
                "SELECT COUNT(*) FROM ORG_UNIT_GROUP",
                "SELECT COUNT(*) FROM DATA_ELEMENT",
                "SELECT COUNT(*) FROM CATEGORY_OPTION_COMBO",
                "SELECT COUNT(*) FROM DATA_SET",
                "SELECT COUNT(*) FROM INDICATOR",
                "SELECT COUNT(*) FROM VALIDATION_RULE",
                "SELECT COALESCE(SUM(VALUE_COUNT), 0) FROM DATA_VALUE_SERIES",
                "SELECT COUNT(*) FROM COMPLETE_REGISTRATION",
                "SELECT COUNT(*) FROM LOCALITY",
                "SELECT COUNT(*) FROM REGISTRY_RECORD",
                "SELECT COUNT(*) FROM IMPORT_BATCH WHERE FINISHED IS NOT NULL",
            };
            for (int i = 0; i < queries.length; i++) {
                try (ResultSet rs = st.executeQuery(queries[i])) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                }
            }
            Optional<WorkspaceSummary.PeriodRange> periods = Optional.empty();
            try (ResultSet rs = st.executeQuery(
                    "SELECT (SELECT ISO FROM PERIOD P JOIN DATA_VALUE_SERIES S ON S.FIRST_PERIOD_ID = P.ID"
                            + " WHERE S.VALUE_COUNT > 0 ORDER BY P.START_DATE, P.END_DATE DESC LIMIT 1),"
                            + " (SELECT ISO FROM PERIOD P JOIN DATA_VALUE_SERIES S ON S.LAST_PERIOD_ID = P.ID"
                            + " WHERE S.VALUE_COUNT > 0 ORDER BY P.END_DATE DESC, P.START_DATE LIMIT 1)")) {
                rs.next();
                if (rs.getString(1) != null) {
                    periods = Optional.of(new WorkspaceSummary.PeriodRange(rs.getString(1), rs.getString(2)));
                }
            }
            Optional<WorkspaceSummary.Extent> extent = Optional.empty();
            try (ResultSet rs = st.executeQuery("SELECT MIN(ST_XMin(GEOMETRY)), MIN(ST_YMin(GEOMETRY)),"
                    + " MAX(ST_XMax(GEOMETRY)), MAX(ST_YMax(GEOMETRY)) FROM ORG_UNIT WHERE GEOMETRY IS NOT NULL")) {
                rs.next();
                double minX = rs.getDouble(1);
                if (!rs.wasNull()) {
                    extent = Optional.of(new WorkspaceSummary.Extent(minX, rs.getDouble(2), rs.getDouble(3),
                            rs.getDouble(4)));
                }
            }
            return new WorkspaceSummary(name(), schemaVersion, isDemo(), counts[0], counts[1], counts[2], counts[3],
                    counts[4], counts[5], counts[6], counts[7], counts[8], counts[9], counts[10], counts[11],
                    periods, extent);
        } catch (SQLException e) {
            throw storage(file, e);
        }
    }

    /** The id of DHIS2's default category option combo, which is also the default attribute combo. */
    public static String defaultCategoryOptionComboUid() {
        return DEFAULT_ATTRIBUTE_OPTION_COMBO;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw storage(file, e);
        }
    }

    // ---- opening, inspecting, migrating -------------------------------------------------------

    private static String url(Path file, AccessMode mode, boolean mustExist) {
        String base = file.toString().substring(0, file.toString().length() - FILE_SUFFIX.length());
        StringBuilder url = new StringBuilder("jdbc:h2:file:").append(base);
        if (mustExist) {
            // Opening never creates a stray empty database next to a mistyped path.
            url.append(";IFEXISTS=TRUE");
        }
        if (mode == AccessMode.READ_ONLY) {
            url.append(";ACCESS_MODE_DATA=r");
        }
        return url.toString();
    }

    private static Connection connect(Path file, AccessMode mode) {
        try {
            return DriverManager.getConnection(url(file, mode, Files.exists(file)), "sa", "");
        } catch (SQLException e) {
            throw storage(file, e);
        }
    }

    /** H2's MVStore files start with a text header {@code H:2,...}; anything else is not ours. */
    private static void checkH2Header(Path file) {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.STORAGE, file,
                    "Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read < 4 || !new String(head, StandardCharsets.ISO_8859_1).equals("H:2,")) {
            throw new WorkspaceException(WorkspaceException.Reason.NOT_A_WORKSPACE, file,
                    file + " is not a SantéAtlas workspace (not an H2 database file)");
        }
    }

    /** Reads the schema version with the file opened read-only, so that a foreign file stays untouched. */
    private static int inspect(Path file) {
        try (Connection connection = connect(file, AccessMode.READ_ONLY)) {
            boolean ours;
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                            + " AND TABLE_NAME IN ('WORKSPACE_INFO', 'flyway_schema_history')");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                ours = rs.getInt(1) == 2;
            }
            if (ours) {
                try (Statement st = connection.createStatement();
                     ResultSet rs = st.executeQuery(
                             "SELECT INFO_VALUE FROM WORKSPACE_INFO WHERE INFO_KEY = 'application'")) {
                    ours = rs.next() && APPLICATION.equals(rs.getString(1));
                }
            }
            if (!ours) {
                throw new WorkspaceException(WorkspaceException.Reason.NOT_A_WORKSPACE, file,
                        file + " is an H2 database but not a SantéAtlas workspace");
            }
            return readSchemaVersion(connection);
        } catch (SQLException e) {
            throw storage(file, e);
        }
    }

    private static int readSchemaVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                     + " WHERE \"success\" AND \"version\" IS NOT NULL")) {
            int max = 0;
            while (rs.next()) {
                max = Math.max(max, Integer.parseInt(rs.getString(1)));
            }
            return max;
        }
    }

    private static Flyway flyway(Path file) {
        FLYWAY_LOG.finest("migrating " + file);
        return Flyway.configure(Workspace.class.getClassLoader())
                .dataSource(url(file, AccessMode.READ_WRITE, true), "sa", "")
                .locations(MIGRATIONS)
                .load();
    }

    private static void migrate(Path file) {
        try {
            flyway(file).migrate();
        } catch (org.flywaydb.core.api.exception.FlywayValidateException e) {
            // Same version numbers, different migrations: a workspace of a development build. Refused
            // before any migration runs, rather than "repaired" into a schema nobody wrote.
            throw new WorkspaceException(WorkspaceException.Reason.INCOMPATIBLE, file,
                    "Cannot open the workspace " + file + ": " + e.getMessage(), e);
        } catch (FlywayException e) {
            throw new WorkspaceException(WorkspaceException.Reason.STORAGE, file,
                    "Cannot upgrade the workspace " + file + ": " + e.getMessage(), e);
        }
    }

    private static java.util.logging.Logger quietFlyway() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.flywaydb");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private static void insertInfo(PreparedStatement insert, String key, String value) throws SQLException {
        insert.setString(1, key);
        insert.setString(2, value);
        insert.executeUpdate();
    }

    static WorkspaceException storage(Path file, SQLException e) {
        // H2 error 90020: "Database may be already in use" (another process holds the file lock).
        if (e.getErrorCode() == 90020) {
            return new WorkspaceException(WorkspaceException.Reason.LOCKED, file,
                    file + " is open in another program; close it there first", e);
        }
        return new WorkspaceException(WorkspaceException.Reason.STORAGE, file,
                "Workspace " + file + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing: the first error is the one worth reporting
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: a half-created workspace is refused on open anyway
        }
    }

    /** The last migration version in {@code db/workspace}, read once from Flyway's resolver. */
    private static final class LatestVersion {
        static final int VALUE = compute();

        private static int compute() {
            MigrationInfoService info = Flyway.configure(Workspace.class.getClassLoader())
                    .dataSource("jdbc:h2:mem:santeatlas-schema-probe", "sa", "")
                    .locations(MIGRATIONS)
                    .load()
                    .info();
            return Arrays.stream(info.all())
                    .map(MigrationInfo::getVersion)
                    .filter(v -> v != null)
                    .mapToInt(v -> Integer.parseInt(v.getVersion()))
                    .max()
                    .orElseThrow(() -> new IllegalStateException("no workspace migrations on the class path"));
        }
    }
}
