package org.santeatlas.importers.climate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.santeatlas.importers.TestWorkspace.count;
import static org.assertj.core.api.Assertions.tuple;
import static org.santeatlas.importers.OrgUnitFixture.DOSSO;
import static org.santeatlas.importers.OrgUnitFixture.GAYA;
import static org.santeatlas.importers.OrgUnitFixture.KONNI;
import static org.santeatlas.importers.OrgUnitFixture.TAHOUA;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.FormatDetector;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportOptions;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.importers.TestWorkspace;
import org.santeatlas.importers.OrgUnitFixture;

/**
 * Climate aggregates per org unit (ERA5 / ERA5-Land through the DHIS2 climate-tools notebooks: a data
 * frame written with {@code to_csv}), wide and long, into data values under climate data elements.
 */
class ClimateCsvImportTest {

    @TempDir
    Path dir;

    static final String TEMPERATURE = ClimateVariable.TEMPERATURE.uid();
    static final String PRECIPITATION = ClimateVariable.PRECIPITATION.uid();
    static final String HUMIDITY = ClimateVariable.RELATIVE_HUMIDITY.uid();

    /**
     * ERA5-Land monthly means aggregated to regions with xarray: ECMWF short names, native units (t2m
     * in kelvin, tp in metres), {@code valid_time} the first day of each month, a missing value empty.
     */
    static final String ERA5_MONTHLY_WIDE = """
            org_unit_id,name,valid_time,t2m,tp
            O6uvpzGd5pu,Région de Tahoua,2024-01-01,297.59765625,0.0
            O6uvpzGd5pu,Région de Tahoua,2024-02-01,300.15,0.000123
            fdc6uOvgoji,Région de Dosso,2024-01-01,299.0,
            fdc6uOvgoji,Région de Dosso,2024-02-01,301.65,0.0021
            """;

    @Test
    void wideMonthlyEra5InKelvinAndMetresBecomesCelsiusAndMillimetres() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            OrgUnitFixture.importInto(ws, dir);
            Path file = write("era5land_monthly.csv", ERA5_MONTHLY_WIDE);

            ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(r.failure()).isEmpty();
            assertThat(r.format()).isEqualTo(ImportFormat.CLIMATE_CSV);
            assertThat(r.counts().createdCount()).isEqualTo(7);
            assertThat(r.counts().rejectedCount()).isZero();
            assertThat(r.problems()).extracting(Problem::key, Problem::line, Problem::args).containsExactly(
                    tuple("import.climateConverted", 2L, List.of("CLIMATE_TEMPERATURE_C", "K", "°C")),
                    tuple("import.climateConverted", 2L, List.of("CLIMATE_PRECIPITATION_MM", "m", "mm")));
            assertThat(values(ws.connection())).containsExactlyInAnyOrder(
                    List.of(TEMPERATURE, TAHOUA, "202401", "24.44765625"),
                    List.of(TEMPERATURE, TAHOUA, "202402", "27"),
                    List.of(TEMPERATURE, DOSSO, "202401", "25.85"),
                    List.of(TEMPERATURE, DOSSO, "202402", "28.5"),
                    List.of(PRECIPITATION, TAHOUA, "202401", "0"),
                    List.of(PRECIPITATION, TAHOUA, "202402", "0.123"),
                    List.of(PRECIPITATION, DOSSO, "202402", "2.1"));
            assertThat(dataElements(ws.connection())).containsExactly(
                    List.of(PRECIPITATION, "CLIMATE_PRECIPITATION_MM", "Précipitations (mm)", "NUMBER", "SUM", "mm",
                            "ERA5", true, false),
                    List.of(TEMPERATURE, "CLIMATE_TEMPERATURE_C", "Température moyenne à 2 m (°C)", "NUMBER",
                            "AVERAGE", "°C", "ERA5", true, false));
        }
    }

    @Test
    void reimportingFindsTheSameDataElementsAndChangesNothing() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            OrgUnitFixture.importInto(ws, dir);
            ImportService service = new ImportService(ws);
            Path file = write("era5land_monthly.csv", ERA5_MONTHLY_WIDE);
            assertThat(service.importFile(file, Optional.empty(), ImportProgress.NONE).counts().createdCount())
                    .isEqualTo(7);
            List<List<Object>> before = values(ws.connection());

            ImportResult again = service.importFile(file, Optional.empty(), ImportProgress.NONE);
            // The same values in long form, already in °C and mm, by region name and code.
            Path longForm = write("long.csv", """
                    ou,period,variable,value,unit
                    REG_TAHOUA,202401,temperature,24.44765625,°C
                    Région de Dosso,2024-02,precipitation,2.1,mm
                    """);
            ImportResult equivalent = service.importFile(longForm, Optional.empty(), ImportProgress.NONE);

            assertThat(again.failure()).isEmpty();
            assertThat(again.counts().unchangedCount()).isEqualTo(7);
            assertThat(again.counts().changedAnything()).isFalse();
            assertThat(again.batchId()).isEmpty();
            assertThat(equivalent.failure()).isEmpty();
            assertThat(equivalent.counts().unchangedCount()).isEqualTo(2);
            assertThat(equivalent.counts().changedAnything()).isFalse();
            assertThat(values(ws.connection())).isEqualTo(before);
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM DATA_ELEMENT")).isEqualTo(2);
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM IMPORT_BATCH")).isEqualTo(2);
        }
    }

    @Test
    void wideDailyFrenchFileInCelsiusAndMillimetresIsStoredAsGiven() throws Exception {
        String french = """
                ou;periode;temperature_c;precipitation_mm;humidite_relative
                DS_KONNI;20240115;27,5;0;18
                DS_KONNI;2024-01-16;28,1;1,2;21,5
                District sanitaire de Gaya;2024-01-16T00:00:00;26;0,4;NaN
                """;
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            OrgUnitFixture.importInto(ws, dir);
            Path file = write("journalier.csv", french);

            ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(r.failure()).isEmpty();
            assertThat(r.problems()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(8);
            assertThat(values(ws.connection())).containsExactlyInAnyOrder(
                    List.of(TEMPERATURE, KONNI, "20240115", "27.5"),
                    List.of(TEMPERATURE, KONNI, "20240116", "28.1"),
                    List.of(TEMPERATURE, GAYA, "20240116", "26"),
                    List.of(PRECIPITATION, KONNI, "20240115", "0"),
                    List.of(PRECIPITATION, KONNI, "20240116", "1.2"),
                    List.of(PRECIPITATION, GAYA, "20240116", "0.4"),
                    List.of(HUMIDITY, KONNI, "20240115", "18"),
                    List.of(HUMIDITY, KONNI, "20240116", "21.5"));
            assertThat(dataElements(ws.connection())).extracting(row -> row.get(1), row -> row.get(4), row -> row.get(5))
                    .containsExactlyInAnyOrder(tuple("CLIMATE_PRECIPITATION_MM", "SUM", "mm"),
                            tuple("CLIMATE_TEMPERATURE_C", "AVERAGE", "°C"),
                            tuple("CLIMATE_RELATIVE_HUMIDITY_PCT", "AVERAGE", "%"));
        }
    }

    @Test
    void longWeeklyFileWithUnitAndSourceColumns() throws Exception {
        String longForm = """
                orgunit,period,variable,value,unit,source
                lc3eMKXaEfw,2024-W05,2m_temperature,303.15,K,ERA5-Land
                lc3eMKXaEfw,2024-W05,total_precipitation,0.0042,m,ERA5-Land
                lc3eMKXaEfw,2024W6,relative_humidity,31.5,%,ERA5-Land
                lc3eMKXaEfw,2024W6,2m_temperature,29.5,°C,ERA5-Land
                """;
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            OrgUnitFixture.importInto(ws, dir);
            Path file = write("weekly_long.csv", longForm);

            ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(r.failure()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(4);
            assertThat(r.problems()).extracting(Problem::key, Problem::line).containsExactly(
                    tuple("import.climateConverted", 2L), tuple("import.climateConverted", 3L));
            assertThat(values(ws.connection())).containsExactlyInAnyOrder(
                    List.of(TEMPERATURE, KONNI, "2024W5", "30"),
                    List.of(TEMPERATURE, KONNI, "2024W6", "29.5"),
                    List.of(PRECIPITATION, KONNI, "2024W5", "4.2"),
                    List.of(HUMIDITY, KONNI, "2024W6", "31.5"));
            assertThat(dataElements(ws.connection())).extracting(row -> row.get(6)).containsOnly("ERA5-Land");
        }
    }

    @Test
    void malformedRowsAreRejectedWithTheirLinesAndTheFileRefusedByDefault() throws Exception {
        String bad = """
                orgunit,period,variable,value,unit
                O6uvpzGd5pu,202401,precipitation,12.5,mm
                Région d'Agadez,202401,precipitation,3,mm
                O6uvpzGd5pu,202401,precipitation,abc,mm
                O6uvpzGd5pu,202401,2m_dewpoint_temperature,280,K
                O6uvpzGd5pu,202401,precipitation,3,K
                O6uvpzGd5pu,202413,precipitation,3,mm
                O6uvpzGd5pu,202402,precipitation,4,inches
                CSI Centre,202401,precipitation,4,mm
                """;
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            OrgUnitFixture.importInto(ws, dir);
            Path file = write("bad.csv", bad);

            ImportResult refused = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(refused.failure()).map(Problem::key).contains("import.invalidRecords");
            assertThat(refused.problems()).extracting(Problem::line, Problem::key).containsExactly(
                    tuple(3L, "import.unknownOrgUnit"),
                    tuple(4L, "import.climateInvalidNumber"),
                    tuple(5L, "import.climateUnknownVariable"),
                    tuple(6L, "import.climateUnitMismatch"),
                    tuple(7L, "import.invalidPeriod"),
                    tuple(8L, "import.climateUnknownUnit"),
                    tuple(9L, "import.ambiguousOrgUnitName"));
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM DATA_ELEMENT")).as("rolled back").isZero();
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM DATA_VALUE_SERIES")).isZero();

            ImportResult kept = new ImportService(ws).importFile(file, Optional.empty(),
                    ImportOptions.DEFAULTS.withSkipInvalid(true), ImportProgress.NONE);
            assertThat(kept.failure()).isEmpty();
            assertThat(kept.counts().createdCount()).isEqualTo(1);
            assertThat(kept.counts().rejectedCount()).isEqualTo(7);
            assertThat(values(ws.connection())).containsExactly(List.of(PRECIPITATION, TAHOUA, "202401", "12.5"));
        }
    }

    @Test
    void createMissingKeepsValuesOfUnknownOrgUnitsUnderPlaceholdersReportedOnceEach() throws Exception {
        String file = """
                orgunit,period,variable,value,unit
                O6uvpzGd5pu,202401,precipitation,12.5,mm
                Zone de Nulle-Part,202401,precipitation,3,mm
                Zone de Nulle-Part,202402,precipitation,4,mm
                Zz123456789,202401,precipitation,5,mm
                CSI Centre,202401,precipitation,6,mm
                """;
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            OrgUnitFixture.importInto(ws, dir);
            Path csv = write("climat.csv", file);
            long orgUnits = count(ws.connection(), "SELECT COUNT(*) FROM ORG_UNIT");

            ImportResult refused = new ImportService(ws).importFile(csv, Optional.empty(), ImportProgress.NONE);
            assertThat(refused.problems()).extracting(Problem::line, Problem::key).containsExactly(
                    tuple(3L, "import.unknownOrgUnit"), tuple(4L, "import.unknownOrgUnit"),
                    tuple(5L, "import.unknownOrgUnit"), tuple(6L, "import.ambiguousOrgUnitName"));
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM ORG_UNIT")).isEqualTo(orgUnits);

            ImportResult kept = new ImportService(ws).importFile(csv, Optional.empty(),
                    ImportOptions.DEFAULTS.withCreateMissing(true).withSkipInvalid(true), ImportProgress.NONE);

            assertThat(kept.failure()).isEmpty();
            assertThat(kept.counts().createdCount()).isEqualTo(4);
            // An ambiguous name stays rejected: a placeholder would file values under a third place.
            assertThat(kept.counts().rejectedCount()).isEqualTo(1);
            assertThat(kept.problems()).extracting(Problem::line, Problem::key, Problem::args).containsExactly(
                    tuple(6L, "import.ambiguousOrgUnitName", List.of("CSI Centre", "2")),
                    tuple(3L, "import.placeholderOrgUnit", List.of("Zone de Nulle-Part", "2")),
                    tuple(5L, "import.placeholderOrgUnit", List.of("Zz123456789", "1")));
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM ORG_UNIT WHERE PLACEHOLDER")).isEqualTo(2);
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM ORG_UNIT WHERE PLACEHOLDER AND UID = 'Zz123456789'"
                    + " AND CODE IS NULL")).isEqualTo(1);
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM ORG_UNIT WHERE PLACEHOLDER"
                    + " AND CODE = 'Zone de Nulle-Part' AND NAME = 'Zone de Nulle-Part'")).isEqualTo(1);
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM DATA_VALUE V JOIN ORG_UNIT O ON O.UID = V.ORG_UNIT"
                    + " WHERE O.PLACEHOLDER")).isEqualTo(3);
        }
    }

    @Test
    void filesWithoutAVariableOrAPeriodAreRefusedAsAWhole() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportService service = new ImportService(ws);
            Path noVariable = write("a.csv", "orgUnit,period,value\nO6uvpzGd5pu,202501,23.68\n");
            Path noPeriod = write("b.csv", "orgUnit,tp\nO6uvpzGd5pu,0.01\n");
            assertThat(service.importFile(noVariable, Optional.of(ImportFormat.CLIMATE_CSV), ImportProgress.NONE)
                    .failure()).map(Problem::key).contains("import.climateNoVariable");
            assertThat(service.importFile(noPeriod, Optional.of(ImportFormat.CLIMATE_CSV), ImportProgress.NONE)
                    .failure()).map(Problem::key).contains("import.climateMissingColumns");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            org_unit_id,name,valid_time,t2m,tp                      | climate-csv
            orgunit,period,variable,value,unit,source               | climate-csv
            ou;periode;temperature_c;precipitation_mm               | climate-csv
            district,date,total_precipitation_sum,temperature_2m    | climate-csv
            orgUnit,period,value                                    | -
            dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value | dhis2-datavalueset-csv
            """)
    void detectionReadsTheHeader(String header, String format) throws Exception {
        Path file = write("f.csv", header.strip() + "\n");
        if (format.equals("-")) {
            assertThat(FormatDetector.detect(file)).isEmpty();
        } else {
            assertThat(FormatDetector.detect(file)).contains(ImportFormat.fromId(format));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            total_precipitation         | PRECIPITATION     | METRE
            tp                          | PRECIPITATION     | METRE
            total_precipitation_sum     | PRECIPITATION     | METRE
            precipitation               | PRECIPITATION     | -
            Précipitations (mm)         | PRECIPITATION     | MILLIMETRE
            pluie                       | PRECIPITATION     | -
            2m_temperature              | TEMPERATURE       | -
            t2m_k                       | TEMPERATURE       | KELVIN
            Température (°C)            | TEMPERATURE       | CELSIUS
            temperature_2m_min          | TEMPERATURE_MIN   | -
            maximum_2m_air_temperature  | TEMPERATURE_MAX   | -
            relative_humidity           | RELATIVE_HUMIDITY | -
            Humidité relative (%)       | RELATIVE_HUMIDITY | PERCENT
            """)
    void variableNamesAndTheirUnits(String header, ClimateVariable variable, String unit) {
        ClimateVariable.Named named = ClimateVariable.parse(header);
        assertThat(named).isNotNull();
        assertThat(named.variable()).isEqualTo(variable);
        assertThat(named.unit()).isEqualTo(unit.equals("-") ? null : ClimateVariable.Unit.valueOf(unit));
    }

    @Test
    void notClimateVariables() {
        assertThat(ClimateVariable.parse("2m_dewpoint_temperature")).isNull();
        assertThat(ClimateVariable.parse("value")).isNull();
        assertThat(ClimateVariable.parse("precipitation_max")).isNull();
    }

    @Test
    void uidsAreDhis2ShapedAndStable() {
        for (ClimateVariable v : ClimateVariable.values()) {
            assertThat(v.uid()).matches("[A-Za-z][A-Za-z0-9]{10}").isEqualTo(v.uid());
        }
        assertThat(ClimateVariable.TEMPERATURE.uid()).isNotEqualTo(ClimateVariable.TEMPERATURE_MIN.uid());
    }

    @Test
    void periodsAsDataFramesWriteThem() {
        assertThat(ClimateCsvImporter.period("2024-01", false)).isEqualTo("202401");
        assertThat(ClimateCsvImporter.period("2024-1", false)).isEqualTo("202401");
        assertThat(ClimateCsvImporter.period("2024-01-15", false)).isEqualTo("20240115");
        assertThat(ClimateCsvImporter.period("2024-01-01 00:00:00", true)).isEqualTo("202401");
        assertThat(ClimateCsvImporter.period("2024-W05", false)).isEqualTo("2024W5");
        assertThat(ClimateCsvImporter.period("202401", false)).isEqualTo("202401");
    }

    /** DATA_ELEMENT, ORG_UNIT, PERIOD, DATA_VALUE of every value not deleted. */
    private static List<List<Object>> values(Connection c) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DATA_ELEMENT, ORG_UNIT, PERIOD, DATA_VALUE FROM DATA_VALUE"
                     + " WHERE NOT DELETED ORDER BY DATA_ELEMENT, ORG_UNIT, PERIOD")) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return rows;
    }

    /** UID, CODE, NAME, VALUE_TYPE, AGGREGATION_TYPE, UNIT, SOURCE, ZERO_IS_SIGNIFICANT, PLACEHOLDER by code. */
    private static List<List<Object>> dataElements(Connection c) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT UID, CODE, NAME, VALUE_TYPE, AGGREGATION_TYPE, UNIT, SOURCE,"
                     + " ZERO_IS_SIGNIFICANT, PLACEHOLDER FROM DATA_ELEMENT ORDER BY CODE")) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9)));
            }
        }
        return rows;
    }

    private Path write(String name, String content) throws Exception {
        return TestWorkspace.write(dir, name, content);
    }

}
