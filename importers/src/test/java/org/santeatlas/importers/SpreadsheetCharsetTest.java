package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.Workspace;

/** CSV files as spreadsheets save them: UTF-8 with or without BOM, or Windows-1252; accents survive. */
class SpreadsheetCharsetTest {

    @TempDir
    Path dir;

    static final String REGISTRY = "code;nom;type;région;district;aire_santé\n"
            + "SC-BD-0001;Hôpital de District de Bodo;Hôpital de District;Belgou;Bodo;Bodo\n"
            + "SC-BD-0002;CSI Gourérey-Ëst;CSI type 2;Belgou;Bodo;Gourérey\n";

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-8-BOM", "windows-1252", "ISO-8859-1"})
    void registryAccentsSurviveWhateverTheSpreadsheetSaved(String encoding) throws Exception {
        byte[] bytes = encoding.equals("UTF-8-BOM")
                ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, REGISTRY.getBytes(StandardCharsets.UTF_8))
                : REGISTRY.getBytes(Charset.forName(encoding));
        Path file = dir.resolve("mfl.csv");
        Files.write(file, bytes);
        assertThat(CsvFiles.detectCharset(file).name())
                .isEqualTo(encoding.startsWith("UTF-8") ? "UTF-8" : "windows-1252");
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);
            assertThat(r.failure()).isEmpty();
            assertThat(r.format()).isEqualTo(ImportFormat.REGISTRY_CSV);
            assertThat(r.counts().createdCount()).isEqualTo(2);
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT NAME, REGION, HEALTH_AREA FROM REGISTRY_RECORD ORDER BY CODE")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Hôpital de District de Bodo");
                assertThat(rs.getString(2)).isEqualTo("Belgou");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("CSI Gourérey-Ëst");
                assertThat(rs.getString(3)).isEqualTo("Gourérey");
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
