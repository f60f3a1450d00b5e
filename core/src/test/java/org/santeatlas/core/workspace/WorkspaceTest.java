package org.santeatlas.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void createMakesAnEmptyWorkspaceAtTheLatestSchemaWithH2gis() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("district"))) {
            assertThat(ws.file()).isEqualTo(dir.resolve("district.mv.db"));
            assertThat(ws.name()).isEqualTo("district");
            assertThat(ws.schemaVersion()).isEqualTo(Workspace.latestSchemaVersion()).isGreaterThanOrEqualTo(1);
            WorkspaceSummary summary = ws.summary();
            assertThat(summary.orgUnits()).isZero();
            assertThat(summary.dataValues()).isZero();
            assertThat(summary.periods()).isEmpty();
            assertThat(summary.extent()).isEmpty();
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT ST_Area(ST_Buffer(ST_GeomFromText('POINT(0 0)'), 1))")) {
                rs.next();
                assertThat(rs.getDouble(1)).isBetween(3.1, 3.15);
            }
        }
        assertThat(dir.resolve("district.mv.db")).exists();
    }

    @Test
    void createRefusesAnExistingFile() throws Exception {
        Files.writeString(dir.resolve("taken.mv.db"), "anything");
        assertThatThrownBy(() -> Workspace.create(dir.resolve("taken.mv.db")))
                .isInstanceOf(WorkspaceException.class)
                .extracting(e -> ((WorkspaceException) e).reason())
                .isEqualTo(WorkspaceException.Reason.ALREADY_EXISTS);
        assertThat(Files.readString(dir.resolve("taken.mv.db"))).isEqualTo("anything");
    }

    @Test
    void summaryCountsWhatTheTablesHoldAndTheExtentOfGeometries() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w"))) {
            try (Statement st = ws.connection().createStatement()) {
                st.execute("INSERT INTO ORG_UNIT(UID, NAME, LEVEL, GEOMETRY) VALUES"
                        + " ('AAAAAAAAAAA', 'Pays', 1, ST_GeomFromText('POLYGON((1 11, 15 11, 15 23, 1 23, 1 11))', 4326)),"
                        + " ('BBBBBBBBBBB', 'CSI', 2, ST_GeomFromText('POINT(2 12)', 4326))");
            }
            WorkspaceSummary summary = ws.summary();
            assertThat(summary.orgUnits()).isEqualTo(2);
            assertThat(summary.extent()).contains(new WorkspaceSummary.Extent(1, 11, 15, 23));
        }
    }

    @Test
    void reopenKeepsDataAndReadOnlyRefusesWrites() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w"))) {
            ws.setInfo("note", "gardé");
        }
        try (Workspace ws = Workspace.open(dir.resolve("w"), AccessMode.READ_ONLY)) {
            assertThat(ws.info("note")).contains("gardé");
            assertThatThrownBy(() -> ws.setInfo("note", "changé")).isInstanceOf(WorkspaceException.class);
        }
        try (Workspace ws = Workspace.open(dir.resolve("w.mv.db"), AccessMode.READ_WRITE)) {
            assertThat(ws.info("note")).contains("gardé");
        }
    }

    @Test
    void openRefusesAMissingFileWithoutCreatingOne() {
        assertThatThrownBy(() -> Workspace.open(dir.resolve("absent"), AccessMode.READ_WRITE))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("absent.mv.db");
        assertThat(dir.resolve("absent.mv.db")).doesNotExist();
    }

    @Test
    void openRefusesAFileThatIsNotADatabaseAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("notes.mv.db");
        Files.writeString(file, "région;district\nTahoua;Konni\n");
        String before = sha256(file);
        assertThatThrownBy(() -> Workspace.open(file, AccessMode.READ_WRITE))
                .isInstanceOf(WorkspaceException.class)
                .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                        .isEqualTo(WorkspaceException.Reason.NOT_A_WORKSPACE));
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void openRefusesAnotherH2DatabaseAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("other.mv.db");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("other"), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE PATIENT(ID INT PRIMARY KEY, NAME VARCHAR(40))");
            st.execute("INSERT INTO PATIENT VALUES (1, 'Aïcha')");
        }
        String before = sha256(file);
        assertThatThrownBy(() -> Workspace.open(file, AccessMode.READ_WRITE))
                .isInstanceOf(WorkspaceException.class)
                .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                        .isEqualTo(WorkspaceException.Reason.NOT_A_WORKSPACE));
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void openRefusesAWorkspaceFromANewerSchema() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("future"));
             Statement st = ws.connection().createStatement()) {
            st.execute("INSERT INTO \"flyway_schema_history\"(\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', 0, TRUE)");
        }
        String before = sha256(dir.resolve("future.mv.db"));
        assertThatThrownBy(() -> Workspace.open(dir.resolve("future"), AccessMode.READ_WRITE))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("newer")
                .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                        .isEqualTo(WorkspaceException.Reason.NEWER_VERSION));
        assertThat(sha256(dir.resolve("future.mv.db"))).isEqualTo(before);
    }

    @Test
    void openRefusesAWorkspaceWhoseMigrationsDifferFromThisBuilds() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("dev"));
             Statement st = ws.connection().createStatement()) {
            // As a development build with another V1 and one migration less would have left it: opening it
            // upgrades it, and Flyway finds that its V1 is not this build's.
            st.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'");
            st.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '"
                    + Workspace.latestSchemaVersion() + "'");
        }
        assertThatThrownBy(() -> Workspace.open(dir.resolve("dev"), AccessMode.READ_WRITE))
                .isInstanceOf(WorkspaceException.class)
                .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                        .isEqualTo(WorkspaceException.Reason.INCOMPATIBLE));
    }

    @Test
    void openMigratesAWorkspaceFromAnOlderSchema() throws Exception {
        Path file = workspaceAtSchemaVersion1("old");
        assertThat(Workspace.latestSchemaVersion()).isGreaterThan(1);
        try (Workspace ws = Workspace.open(file, AccessMode.READ_WRITE);
             Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM DATA_VALUE")) {
            assertThat(ws.schemaVersion()).isEqualTo(Workspace.latestSchemaVersion());
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void readOnlyOpenRefusesAnOlderSchemaInsteadOfMigratingIt() throws Exception {
        workspaceAtSchemaVersion1("old");
        assertThatThrownBy(() -> Workspace.open(dir.resolve("old"), AccessMode.READ_ONLY))
                .isInstanceOf(WorkspaceException.class)
                .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                        .isEqualTo(WorkspaceException.Reason.READ_ONLY));
    }

    /** A workspace as the first release wrote it: schema version 1 only. */
    private Path workspaceAtSchemaVersion1(String name) throws Exception {
        org.flywaydb.core.Flyway.configure()
                .dataSource("jdbc:h2:file:" + dir.resolve(name), "sa", "")
                .locations(Workspace.MIGRATIONS)
                .target("1")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(name), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO WORKSPACE_INFO VALUES ('application', 'SantéAtlas')");
        }
        return dir.resolve(name + ".mv.db");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
