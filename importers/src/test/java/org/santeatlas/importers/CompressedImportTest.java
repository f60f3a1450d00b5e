package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.core.workspace.WorkspaceSummary;

/** Gzipped files and zip archives into a real workspace file, with small hand-written files. */
class CompressedImportTest {

    /** These fixtures hold invalid records on purpose: import the valid ones and list the rest. */
    static final ImportOptions SKIP = ImportOptions.DEFAULTS.withSkipInvalid(true);

    static final String DATA_VALUES = """
            {"dataValues": [
              {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "120"},
              {"dataElement": "DeConsult01", "period": "202402", "orgUnit": "Inconnu0001", "value": "95"},
              {"dataElement": "DeRemark001", "period": "202401", "orgUnit": "CsiKollo001", "value": "rupture"}]}
            """;

    static final String DATA_VALUES_CSV = """
            dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value
            DeConsult01,202403,CsiKollo001,HllvX50cXC0,HllvX50cXC0,88
            """;

    @TempDir
    Path dir;
    Workspace workspace;
    ImportService service;
    Path unpackFolder;

    @BeforeEach
    void setUp() throws Exception {
        workspace = Workspace.create(dir.resolve("ws"));
        unpackFolder = Files.createDirectory(dir.resolve("unpack"));
        service = new ImportService(workspace, Optional.of(unpackFolder));
    }

    @AfterEach
    void tearDown() throws Exception {
        workspace.close();
        try (Stream<Path> left = Files.list(unpackFolder)) {
            assertThat(left).as("unpacked files left behind").isEmpty();
        }
    }

    @Test
    void aGzippedDataValueFileImportsLikeThePlainOne() throws Exception {
        importMetadata();
        Path gz = gzip("dv.json.gz", DATA_VALUES.getBytes(StandardCharsets.UTF_8));

        List<ImportResult> results = service.importPath(gz, Optional.empty(), SKIP, ImportProgress.NONE);

        assertThat(results).hasSize(1);
        ImportResult r = results.get(0);
        assertThat(r.failed()).isFalse();
        assertThat(r.file()).isEqualTo(gz);
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_DATA_VALUE_SET_JSON);
        assertThat(r.problems()).extracting(p -> p.format())
                .containsExactly("dv.json.gz:3: unknown org unit 'Inconnu0001' (1 value(s), the first on this line)");
        try (Workspace plain = Workspace.create(dir.resolve("plain"))) {
            ImportService plainService = new ImportService(plain);
            plainService.importFile(write("metadata.json", DataValueImportTest.METADATA), Optional.empty(), SKIP,
                    ImportProgress.NONE);
            ImportResult expected = plainService.importFile(write("dv.json", DATA_VALUES), Optional.empty(), SKIP,
                    ImportProgress.NONE);
            assertThat(r.counts()).usingRecursiveComparison().isEqualTo(expected.counts());
            assertThat(values(workspace)).isEqualTo(values(plain)).hasSize(2);
        }
        // The batch records the file as given: the .gz, its size and its SHA-256.
        assertThat(batch(r)).containsExactly(gz.toAbsolutePath().toString(), String.valueOf(Files.size(gz)),
                sha256(Files.readAllBytes(gz)));
    }

    @Test
    void importFileTakesAGzippedFileToo() throws Exception {
        importMetadata();
        ImportResult r = service.importFile(gzip("export", DATA_VALUES.getBytes(StandardCharsets.UTF_8)),
                Optional.empty(), SKIP, ImportProgress.NONE);
        assertThat(r.failed()).isFalse();
        assertThat(r.counts().createdCount()).isEqualTo(2);
    }

    @Test
    void aZipOfMetadataDataValuesAndCsvImportsEachWithItsOwnBatchMetadataFirst() throws Exception {
        Path zip = dir.resolve("export.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "data/dataValueSets.json", DATA_VALUES);
            entry(out, "data/", null);
            entry(out, "valeurs.csv", DATA_VALUES_CSV);
            entry(out, "metadata.json", DataValueImportTest.METADATA);
            entry(out, "__MACOSX/._metadata.json", "resource fork");
        }

        List<ImportResult> results = service.importPath(zip, Optional.empty(), SKIP, ImportProgress.NONE);

        assertThat(results).extracting(r -> r.failure().map(p -> p.format()).orElse("ok"))
                .containsOnly("ok");
        assertThat(results).extracting(ImportResult::format).containsExactly(ImportFormat.DHIS2_METADATA_JSON,
                ImportFormat.DHIS2_DATA_VALUE_SET_JSON, ImportFormat.DHIS2_DATA_VALUE_SET_CSV);
        assertThat(results).extracting(r -> r.file().toString()).containsExactly(zip + "!metadata.json",
                zip + "!data/dataValueSets.json", zip + "!valeurs.csv");
        assertThat(results).extracting(r -> r.counts().createdCount()).containsExactly(4L, 2L, 1L);
        assertThat(results.get(1).problems()).extracting(p -> p.format())
                .containsExactly("export.zip!data/dataValueSets.json:3: unknown org unit 'Inconnu0001' (1 value(s), the first on this line)");
        assertThat(results).extracting(r -> r.batchId().orElseThrow()).doesNotHaveDuplicates();
        assertThat(workspace.summary().importBatches()).isEqualTo(3);
        assertThat(workspace.summary().dataValues()).isEqualTo(3);
        // An entry's batch describes the entry: its name inside the archive, its size and SHA-256.
        byte[] csv = DATA_VALUES_CSV.getBytes(StandardCharsets.UTF_8);
        assertThat(batch(results.get(2))).containsExactly(zip.toAbsolutePath() + "!valeurs.csv",
                String.valueOf(csv.length), sha256(csv));
    }

    @Test
    void importFileTakesAZipOfOneFileAndRefusesOneOfSeveralUntouched() throws Exception {
        importMetadata();
        Path single = dir.resolve("dataValueSets.json.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(single))) {
            entry(out, "dataValueSets.json", DATA_VALUES);
        }
        assertThat(service.importFile(single, Optional.empty(), SKIP, ImportProgress.NONE).counts().createdCount())
                .isEqualTo(2);

        Path several = dir.resolve("several.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(several))) {
            entry(out, "a.csv", DATA_VALUES_CSV);
            entry(out, "b.json", DATA_VALUES);
        }
        WorkspaceSummary before = workspace.summary();
        ImportResult r = service.importFile(several, Optional.empty(), SKIP, ImportProgress.NONE);
        assertThat(r.failure().orElseThrow().key()).isEqualTo("import.archiveSeveralFiles");
        assertThat(workspace.summary()).isEqualTo(before);
    }

    @Test
    void anEntryThatPointsOutsideRefusesTheArchiveAndWritesNothing() throws Exception {
        importMetadata();
        Path zip = dir.resolve("sub").resolve("evil.zip");
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "dataValueSets.json", DATA_VALUES);
            entry(out, "../evil.json", DATA_VALUES);
        }
        WorkspaceSummary before = workspace.summary();

        List<ImportResult> results = service.importPath(zip, Optional.empty(), SKIP, ImportProgress.NONE);

        assertThat(results).hasSize(1);
        assertThat(results.get(0).failure().orElseThrow().key()).isEqualTo("import.archiveUnsafeEntry");
        assertThat(results.get(0).failure().orElseThrow().args()).containsExactly("../evil.json");
        assertThat(dir.resolve("evil.json")).doesNotExist();
        assertThat(unpackFolder.resolve("evil.json")).doesNotExist();
        assertThat(workspace.summary()).isEqualTo(before);
    }

    @Test
    void aCompressedFileInsideAnArchiveIsNotUnpackedAgain() throws Exception {
        importMetadata();
        Path zip = dir.resolve("nested.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("dv.json.gz"));
            out.write(Files.readAllBytes(gzip("dv.json.gz", DATA_VALUES.getBytes(StandardCharsets.UTF_8))));
            out.closeEntry();
            entry(out, "dv.csv", DATA_VALUES_CSV);
        }

        List<ImportResult> results = service.importPath(zip, Optional.empty(), SKIP, ImportProgress.NONE);

        assertThat(results).extracting(r -> r.failure().map(p -> p.file() + " " + p.key()).orElse("ok"))
                .containsExactly("nested.zip!dv.json.gz import.nestedArchive", "ok");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            dataValueSets.json      | true
            export/2024/dv.csv      | true
            ./dv.json               | true
            ../evil.json            | false
            data/../../evil.json    | false
            data/../dv.json         | false
            /etc/passwd             | false
            '\\windows\\evil.json'  | false
            C:/evil.json            | false
            'data\\..\\..\\x.json'  | false
            """)
    void entryNamesMustStayInsideTheArchive(String name, boolean safe) {
        assertThat(CompressedFiles.isSafeEntryName(name)).isEqualTo(safe);
    }

    @Test
    void aZipBombIsRefusedFromItsDeclaredSizesWithoutUnpacking() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "metadata.json", DataValueImportTest.METADATA);
            out.putNextEntry(new ZipEntry("zeros.csv"));
            writeZeros(out, 200L << 20);
            out.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(1 << 20);

        long start = System.nanoTime();
        List<ImportResult> results = service.importPath(zip, Optional.empty(), SKIP, ImportProgress.NONE);

        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(5_000);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).failure().orElseThrow().key()).isEqualTo("import.archiveBomb");
        assertThat(results.get(0).failure().orElseThrow().file()).isEqualTo("bomb.zip!zeros.csv");
        assertThat(workspace.summary().importBatches()).isZero();
    }

    @Test
    void aGzipBombIsStoppedWhileUnpacking() throws Exception {
        Path gz = dir.resolve("bomb.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
            writeZeros(out, 200L << 20);
        }

        ImportResult r = service.importPath(gz, Optional.empty(), SKIP, ImportProgress.NONE).get(0);

        assertThat(r.failure().orElseThrow().key()).isEqualTo("import.archiveBomb");
        assertThat(r.failure().orElseThrow().file()).isEqualTo("bomb.csv.gz");
        assertThat(workspace.summary().importBatches()).isZero();
    }

    @Test
    void aTruncatedGzFailsClearlyAndLeavesTheWorkspaceUnchanged() throws Exception {
        importMetadata();
        Path whole = gzip("whole.json.gz", DATA_VALUES.getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.json.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        WorkspaceSummary before = workspace.summary();

        List<ImportResult> results = service.importPath(cut, Optional.empty(), SKIP, ImportProgress.NONE);

        assertThat(results).hasSize(1);
        assertThat(results.get(0).failure().orElseThrow().file()).isEqualTo("cut.json.gz");
        assertThat(results.get(0).failure().orElseThrow().key()).isEqualTo("import.compressedDamaged");
        assertThat(workspace.summary()).isEqualTo(before);
        assertThat(FormatDetector.detect(cut)).isEmpty();
        assertThat(FormatDetector.detect(whole)).contains(ImportFormat.DHIS2_DATA_VALUE_SET_JSON);
    }

    @ParameterizedTest
    @CsvSource({"gz, csv", "gz, json", "gz, xml", "zip, csv", "zip, json", "zip, xml"})
    void aDataValueFileGzippedOrAloneInAZipIsReadInPlaceWithoutATemporaryCopy(String packing, String format)
            throws Exception {
        importMetadata();
        byte[] plain = manyValues(format, 3000).getBytes(StandardCharsets.UTF_8);
        Path packed = "gz".equals(packing) ? gzip("valeurs." + format + ".gz", plain)
                : zipOf("valeurs." + format + ".zip", "export/valeurs." + format, plain);
        List<Long> unpackedDuring = new ArrayList<>();
        ImportProgress watch = (read, total, records) -> {
            try (Stream<Path> s = Files.list(unpackFolder)) {
                unpackedDuring.add(s.count());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        ImportResult r = service.importPath(packed, Optional.empty(), ImportOptions.DEFAULTS, watch).get(0);

        assertThat(r.failure()).isEmpty();
        assertThat(r.counts().createdCount()).isEqualTo(3000);
        assertThat(unpackedDuring).as("files in the unpack folder while importing").isNotEmpty().containsOnly(0L);
        // The batch records what the user gave: the .gz itself, or the entry's unpacked bytes.
        if ("gz".equals(packing)) {
            assertThat(batch(r)).containsExactly(packed.toAbsolutePath().toString(), String.valueOf(Files.size(packed)),
                    sha256(Files.readAllBytes(packed)));
        } else {
            assertThat(r.file()).isEqualTo(Path.of(packed + "!export/valeurs." + format));
            assertThat(batch(r)).containsExactly(packed.toAbsolutePath() + "!export/valeurs." + format,
                    String.valueOf(plain.length), sha256(plain));
        }
    }

    @Test
    void aGzipBombOfDataValuesIsStoppedWhileItStreams() throws Exception {
        importMetadata();
        Path gz = dir.resolve("bomb.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
            out.write("{\"dataValues\": [".getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 16];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (long left = 200L << 20; left > 0; left -= blanks.length) {
                out.write(blanks);
            }
            out.write("]}".getBytes(StandardCharsets.UTF_8));
        }
        WorkspaceSummary before = workspace.summary();

        ImportResult r = service.importPath(gz, Optional.empty(), SKIP, ImportProgress.NONE).get(0);

        assertThat(r.failure().orElseThrow().key()).isEqualTo("import.archiveBomb");
        assertThat(r.failure().orElseThrow().file()).isEqualTo("bomb.json.gz");
        assertThat(workspace.summary()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"gz, csv", "gz, json", "gz, xml", "zip, csv", "zip, xml"})
    void aFileDamagedFarFromItsHeadFailsClearlyWhateverTheParserMakesOfIt(String packing, String format)
            throws Exception {
        importMetadata();
        byte[] plain = manyValues(format, 20_000).getBytes(StandardCharsets.UTF_8);
        Path whole = "gz".equals(packing) ? gzip("whole." + format + ".gz", plain)
                : zipOf("whole." + format + ".zip", "valeurs." + format, plain);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut." + format + "." + packing);
        if ("gz".equals(packing)) {
            Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        } else {
            // A zip keeps its directory at the end: damage the middle of the entry's compressed bytes instead.
            byte[] damaged = bytes.clone();
            for (int i = damaged.length / 3; i < damaged.length / 3 + 64; i++) {
                damaged[i] = (byte) 0xff;
            }
            Files.write(cut, damaged);
        }
        WorkspaceSummary before = workspace.summary();

        ImportResult r = service.importPath(cut, Optional.empty(), SKIP, ImportProgress.NONE).get(0);

        assertThat(r.failed()).isTrue();
        if ("gz".equals(packing)) {
            assertThat(r.failure().orElseThrow().key()).isEqualTo("import.compressedDamaged");
        } else {
            // Damaged deflate data may still inflate, to garbage that the parser then refuses, naming its line.
            assertThat(r.failure().orElseThrow().key()).isIn("import.compressedDamaged", "import.malformedCsv",
                    "import.malformedXml", "import.notUtf8");
        }
        assertThat(workspace.summary()).isEqualTo(before);
    }

    /** Distinct values of the METADATA fixture: one org unit, one data element, one period each. */
    private static String manyValues(String format, int n) {
        StringBuilder b = new StringBuilder();
        switch (format) {
            case "csv" -> b.append("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n");
            case "json" -> b.append("{\"dataValues\": [\n");
            default -> b.append("<dataValueSet xmlns=\"http://dhis2.org/schema/dxf/2.0\">\n");
        }
        for (int i = 0; i < n; i++) {
            // Daily periods from 1990: distinct keys, all valid.
            String period = java.time.LocalDate.of(1990, 1, 1).plusDays(i)
                    .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            switch (format) {
                case "csv" -> b.append("DeConsult01,").append(period).append(",CsiKollo001,,,").append(i).append('\n');
                case "json" -> b.append(i == 0 ? "" : ",\n").append("{\"dataElement\": \"DeConsult01\", \"period\": \"")
                        .append(period).append("\", \"orgUnit\": \"CsiKollo001\", \"value\": \"").append(i)
                        .append("\"}");
                default -> b.append("  <dataValue dataElement=\"DeConsult01\" period=\"").append(period)
                        .append("\" orgUnit=\"CsiKollo001\" value=\"").append(i).append("\"/>\n");
            }
        }
        switch (format) {
            case "csv" -> { }
            case "json" -> b.append("]}\n");
            default -> b.append("</dataValueSet>\n");
        }
        return b.toString();
    }

    private Path zipOf(String name, String entry, byte[] content) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
            out.closeEntry();
        }
        return zip;
    }

    private void importMetadata() throws IOException {
        ImportResult meta = service.importFile(write("metadata.json", DataValueImportTest.METADATA), Optional.empty(),
                ImportProgress.NONE);
        assertThat(meta.failed()).isFalse();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path gzip(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        if (text != null) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }

    /** Streams zeros: the bomb is never held in memory. */
    private static void writeZeros(OutputStream out, long bytes) throws IOException {
        byte[] zeros = new byte[1 << 16];
        for (long left = bytes; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(left, zeros.length));
        }
    }

    /** Through the SQL view, as a user's query would see them (import times and batches aside). */
    private static List<String> values(Workspace ws) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT DATA_ELEMENT, PERIOD, ORG_UNIT, CATEGORY_OPTION_COMBO,"
                     + " ATTRIBUTE_OPTION_COMBO, DATA_VALUE, STORED_BY, COMMENT, FOLLOWUP, DELETED FROM DATA_VALUE"
                     + " ORDER BY DATA_ELEMENT, PERIOD, ORG_UNIT")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 10; i++) {
                    row.append(rs.getString(i)).append(' ');
                }
                rows.add(row.toString().trim());
            }
        }
        return rows;
    }

    private List<String> batch(ImportResult r) throws Exception {
        try (Statement st = workspace.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT FILE_NAME, FILE_SIZE, FILE_SHA256 FROM IMPORT_BATCH WHERE ID = "
                     + r.batchId().orElseThrow())) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
