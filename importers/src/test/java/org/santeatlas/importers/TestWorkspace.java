package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.santeatlas.core.workspace.Workspace;

/**
 * A fresh workspace file for each test, with the import service over it, and the helpers the import tests
 * share: write a fixture file, import it, read the workspace back with SQL. Registered per test class as
 * {@code @RegisterExtension final TestWorkspace ws = new TestWorkspace();}: before each test (and before the
 * class's own {@code @BeforeEach}) it creates the workspace in a temporary folder of its own; after the
 * test it closes the workspace and deletes the folder.
 */
public final class TestWorkspace implements BeforeEachCallback, AfterEachCallback {

    private Path dir;
    private Workspace workspace;
    private ImportService service;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("santeatlas-test");
        workspace = Workspace.create(dir.resolve("ws"));
        service = new ImportService(workspace);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            workspace.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The test's temporary folder, holding the workspace ("ws") and the files the test writes. */
    public Path dir() {
        return dir;
    }

    public Workspace workspace() {
        return workspace;
    }

    public ImportService service() {
        return service;
    }

    /** Writes a fixture file (UTF-8) into the test's folder. */
    public Path write(String name, String content) throws IOException {
        return write(dir, name, content);
    }

    /** Writes a fixture file and imports it, its format detected, with the default options. */
    public ImportResult importText(String name, String content) throws IOException {
        return importText(name, content, ImportOptions.DEFAULTS);
    }

    /** Writes a fixture file and imports it, its format detected. */
    public ImportResult importText(String name, String content, ImportOptions options) throws IOException {
        return service.importFile(write(name, content), Optional.empty(), options, ImportProgress.NONE);
    }

    /** Imports DHIS2 metadata JSON as "metadata.json", which must succeed; the result, for its counts. */
    public ImportResult importMetadata(String json) throws IOException {
        ImportResult r = importText("metadata.json", json);
        assertThat(r.failure()).isEmpty();
        return r;
    }

    /** {@link #rows(Workspace, String)} of this test's workspace. */
    public List<String> rows(String sql) throws SQLException {
        return rows(workspace, sql);
    }

    /** The first column of the first row, as text (null for SQL NULL). */
    public String scalar(String sql) throws SQLException {
        try (Statement st = workspace.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** {@link #values(Workspace)} of this test's workspace. */
    public List<String> values() throws SQLException {
        return values(workspace);
    }

    /** A query's rows, each its columns as text ({@code getString}, "null" for NULL) joined with '|'. */
    public static List<String> rows(Workspace ws, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int c = 1; c <= n; c++) {
                    b.append(c > 1 ? "|" : "").append(rs.getString(c));
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }

    /**
     * The live data values through the SQL view, as a user's query would see them: data element, period,
     * org unit, value, stored by, comment and follow-up, separated by spaces.
     */
    public static List<String> values(Workspace ws) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT DATA_ELEMENT, PERIOD, ORG_UNIT, DATA_VALUE, STORED_BY, COMMENT,"
                     + " FOLLOWUP FROM DATA_VALUE WHERE NOT DELETED ORDER BY DATA_ELEMENT, PERIOD")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getString(5) + " " + rs.getString(6) + " " + rs.getBoolean(7));
            }
        }
        return rows;
    }

    /** Writes a fixture file (UTF-8) into a folder. */
    public static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** The first column of a count (or any whole-number) query. */
    public static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
