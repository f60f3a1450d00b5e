package org.santeatlas.importers.climate;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.santeatlas.core.store.DataValueWriter;
import org.santeatlas.core.store.RawDataValue;
import org.santeatlas.importers.ColumnMapping;
import org.santeatlas.importers.CsvTable;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;
import org.santeatlas.importers.OrgUnitLookup;
import org.santeatlas.importers.OrgUnitPlaceholders;
import org.santeatlas.importers.climate.ClimateVariable.Named;
import org.santeatlas.importers.climate.ClimateVariable.Unit;

/**
 * Climate aggregates per org unit and period, as the DHIS2 climate-tools notebooks and similar ERA5 /
 * ERA5-Land workflows write them from a data frame: an org unit column ({@code orgUnit}, {@code ou},
 * {@code org_unit_id}, or a {@code name}), a period column ({@code period}: {@code 202401},
 * {@code 2024-01}, {@code 20240115}, {@code 2024-01-15}, {@code 2024W5}, {@code 2024-W05}) and the values,
 * either
 * <ul>
 * <li>wide: one column per variable ({@code total_precipitation}, {@code tp}, {@code 2m_temperature},
 *     {@code t2m}, {@code relative_humidity}, {@code temperature_2m_min}...), the unit optionally as a
 *     name suffix ({@code t2m_k}, {@code precipitation_mm}, {@code Température (°C)}), or</li>
 * <li>long: {@code variable} and {@code value} columns, with an optional {@code unit} column.</li>
 * </ul>
 * An optional {@code source} column names the data set (default ERA5).
 *
 * <p>Each variable is stored as DHIS2 data values of its own data element ({@link ClimateVariable}),
 * created on first import with a UID derived from the variable, so that a re-import finds it: NUMBER
 * values, SUM (precipitation) or AVERAGE (temperature, humidity), with {@code DATA_ELEMENT.UNIT} the unit
 * values are stored in and {@code SOURCE} where they come from. Kelvin become degrees Celsius and metres
 * of precipitation millimetres, in decimal arithmetic; a note per variable says what was converted.
 *
 * <p>An empty or NaN cell is a missing value and changes nothing (a climate file never deletes a value).
 * Org units resolve by UID, code or name ({@link OrgUnitLookup}); an unknown org unit, an unreadable
 * number or a unit that does not fit the variable rejects the value, naming its line (with
 * {@code --create-missing}, an unknown org unit is kept under a placeholder instead: {@link OrgUnitPlaceholders}).
 *
 * <p>The file is read twice, streaming: first for the variables it holds (their data elements must exist
 * before the values are resolved) and whether its dates are days or months, then for the values.
 */
public final class ClimateCsvImporter implements Importer {

    /** The source recorded when the file does not name one. */
    public static final String DEFAULT_SOURCE = "ERA5";

    static final Map<String, List<String>> SYNONYMS = Map.of(
            "orgUnit", List.of("orgunit", "org_unit", "ou", "org_unit_id", "orgunit_id", "orgunitid",
                    "organisationunit", "organisation_unit", "organisation_unit_id", "org_unit_uid", "uid",
                    "unite_d'organisation", "unite_organisation", "code", "org_unit_code", "id"),
            "name", List.of("name", "nom", "org_unit_name", "orgunit_name", "ou_name", "organisation_unit_name",
                    "orgunitname"),
            "district", List.of("district", "district_sanitaire", "health_district"),
            "region", List.of("region", "province"),
            "period", List.of("period", "periode", "pe", "date", "time", "valid_time", "month", "mois", "week",
                    "semaine", "day", "jour"),
            "variable", List.of("variable", "var", "parameter", "parametre", "band"),
            "value", List.of("value", "valeur"),
            "unit", List.of("unit", "units", "unite", "unites"),
            "source", List.of("source", "dataset", "data_set", "jeu_de_donnees", "produit"));

    /** Rows between progress reports and cancellation checks. */
    private static final int REPORT_EVERY = 10_000;

    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ].*)?");
    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-?W(\\d{1,2})");

    /**
     * Whether a header line is a climate table's: a place and a period column, and a variable column or
     * a column named after a known variable.
     */
    public static boolean looksLikeHeader(List<String> cells) {
        Set<String> keys = new HashSet<>();
        cells.forEach(c -> keys.add(ColumnMapping.key(c)));
        boolean place = any(keys, "orgUnit") || any(keys, "name") || any(keys, "district") || any(keys, "region");
        if (!place || !any(keys, "period")) {
            return false;
        }
        return any(keys, "variable") && any(keys, "value")
                || cells.stream().anyMatch(c -> ClimateVariable.parse(c) != null);
    }

    private static boolean any(Set<String> keys, String field) {
        return SYNONYMS.get(field).stream().anyMatch(keys::contains);
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.CLIMATE_CSV;
    }

    /** One wide column: where it is and what it holds. */
    private record WideColumn(int index, String header, Named named) {
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        Map<ClimateVariable, String> sources = new EnumMap<>(ClimateVariable.class);
        List<WideColumn> wide = new ArrayList<>();
        Dates dates = new Dates();
        boolean isLong;
        try (CsvTable table = CsvTable.open(context, SYNONYMS)) {
            ColumnMapping mapping = table.mapping();
            checkHeader(context, mapping);
            isLong = mapping.has("variable");
            if (!isLong) {
                List<String> header = mapping.header();
                for (int c = 0; c < header.size(); c++) {
                    Named named = mapping.isMapped(c) ? null : ClimateVariable.parse(header.get(c));
                    if (named != null) {
                        wide.add(new WideColumn(c, header.get(c), named));
                    }
                }
                if (wide.isEmpty()) {
                    throw new ImportFailure(context.problem(1, 0, "import.climateNoVariable",
                            "no climate variable in the header: a variable and a value column, or columns named"
                                    + " after the variables (precipitation, temperature, relative_humidity)"));
                }
            }
            // First pass: which variables the file holds, their sources, and whether its dates are months.
            for (CSVRecord r = table.next(); r != null; r = table.next()) {
                String source = mapping.get(r, "source").orElse(null);
                if (isLong) {
                    Named named = mapping.get(r, "variable").map(ClimateVariable::parse).orElse(null);
                    if (named != null) {
                        remember(sources, named.variable(), source);
                    }
                } else {
                    for (WideColumn w : wide) {
                        remember(sources, w.named().variable(), source);
                    }
                }
                dates.see(mapping.get(r, "period").orElse(""));
            }
        }
        Map<ClimateVariable, String> uids = dataElements(context, sources);
        OrgUnitLookup orgUnits = OrgUnitLookup.load(context.connection());
        try (DataValueWriter writer = new DataValueWriter(context.connection(), context.batchId(),
                context.displayName(), context.problems());
             CsvTable table = CsvTable.open(context, SYNONYMS)) {
            Rows rows = new Rows(context, table.mapping(), orgUnits, uids, writer, dates.areMonths());
            long count = 0;
            for (CSVRecord r = table.next(); r != null; r = table.next()) {
                long line = table.line();
                if (isLong) {
                    rows.longRow(r, line);
                } else {
                    rows.wideRow(r, line, wide);
                }
                if (++count % REPORT_EVERY == 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("import cancelled");
                    }
                    context.progress().update(0, 0, count);
                }
            }
            rows.placeholders.report();
            context.counts().add(writer.finish());
            context.progress().update(1, 1, count);
        }
    }

    private static void checkHeader(ImportContext context, ColumnMapping mapping) throws ImportFailure {
        boolean place = mapping.has("orgUnit") || mapping.has("name") || mapping.has("district")
                || mapping.has("region");
        if (!place || !mapping.has("period")) {
            throw new ImportFailure(context.problem(1, 0, "import.climateMissingColumns",
                    "the header needs an org unit column (orgUnit, ou, org_unit_id or name) and a period column"));
        }
        if (mapping.has("variable") && !mapping.has("value")) {
            throw new ImportFailure(context.problem(1, 0, "import.climateMissingValueColumn",
                    "a file with a variable column needs a value column (value, valeur)"));
        }
    }

    private static void remember(Map<ClimateVariable, String> sources, ClimateVariable v, String source) {
        String s = source == null || source.isBlank() ? null : source.trim();
        if (s != null && s.length() > 200) {
            s = s.substring(0, 200); // DATA_ELEMENT.SOURCE is VARCHAR(200) (V3)
        }
        if (s != null) {
            sources.putIfAbsent(v, s);
        } else if (!sources.containsKey(v)) {
            sources.put(v, null);
        }
    }

    /**
     * The data element of each variable the file holds: found by its derived UID or its code, else
     * created (DHIS2's default category combo, zero significant: a dry month's 0 mm is a value).
     */
    private static Map<ClimateVariable, String> dataElements(ImportContext context,
                                                             Map<ClimateVariable, String> sources)
            throws SQLException {
        Map<ClimateVariable, String> uids = new EnumMap<>(ClimateVariable.class);
        Connection c = context.connection();
        try (PreparedStatement find = c.prepareStatement("SELECT UID, SOURCE FROM DATA_ELEMENT WHERE UID = ?"
                + " OR CODE = ? ORDER BY CASE WHEN UID = ? THEN 0 ELSE 1 END");
             PreparedStatement fillSource = c.prepareStatement("UPDATE DATA_ELEMENT SET SOURCE = ? WHERE UID = ?"
                     + " AND SOURCE IS NULL");
             PreparedStatement insert = c.prepareStatement("INSERT INTO DATA_ELEMENT(UID, CODE, NAME, SHORT_NAME,"
                     + " VALUE_TYPE, AGGREGATION_TYPE, DOMAIN_TYPE, ZERO_IS_SIGNIFICANT, CATEGORY_COMBO_UID,"
                     + " CATEGORY_COMBO_ID, UNIT, SOURCE, BATCH_ID) VALUES (?, ?, ?, ?, 'NUMBER', ?, 'AGGREGATE', TRUE,"
                     + " ?, (SELECT ID FROM CATEGORY_COMBO WHERE UID = ?), ?, ?, ?)")) {
            for (Map.Entry<ClimateVariable, String> e : sources.entrySet()) {
                ClimateVariable v = e.getKey();
                String source = e.getValue() == null ? DEFAULT_SOURCE : e.getValue();
                find.setString(1, v.uid());
                find.setString(2, v.code());
                find.setString(3, v.uid());
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        String uid = rs.getString(1);
                        uids.put(v, uid);
                        if (rs.getString(2) == null && e.getValue() != null) {
                            fillSource.setString(1, source);
                            fillSource.setString(2, uid);
                            fillSource.executeUpdate();
                        }
                        continue;
                    }
                }
                String defaultCombo = "bjDvmb4bfuf"; // DHIS2's default category combo (V1__workspace.sql)
                insert.setString(1, v.uid());
                insert.setString(2, v.code());
                insert.setString(3, v.name);
                insert.setString(4, v.shortName);
                insert.setString(5, v.aggregationType);
                insert.setString(6, defaultCombo);
                insert.setString(7, defaultCombo);
                insert.setString(8, v.unit());
                insert.setString(9, source);
                insert.setInt(10, context.batchId());
                insert.executeUpdate();
                uids.put(v, v.uid());
            }
        }
        return uids;
    }

    /** The second pass: one row's values resolved, converted and handed to the writer. */
    private static final class Rows {

        private final ImportContext context;
        private final ColumnMapping mapping;
        private final OrgUnitLookup orgUnits;
        /** {@code --create-missing}: unknown org units kept under placeholders. */
        final OrgUnitPlaceholders placeholders;
        private final Map<ClimateVariable, String> uids;
        private final DataValueWriter writer;
        /** Conversions already noted, "VARIABLE K": one note per variable and unit, not per value. */
        private final Set<String> noted = new HashSet<>();
        /** The last org unit reference resolved: files list one org unit's periods one after another. */
        private final Map<String, String> resolved = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 4096;
            }
        };

        private final boolean datesAreMonths;

        Rows(ImportContext context, ColumnMapping mapping, OrgUnitLookup orgUnits, Map<ClimateVariable, String> uids,
             DataValueWriter writer, boolean datesAreMonths) {
            this.datesAreMonths = datesAreMonths;
            this.context = context;
            this.mapping = mapping;
            this.orgUnits = orgUnits;
            this.placeholders = new OrgUnitPlaceholders(context, orgUnits);
            this.uids = uids;
            this.writer = writer;
        }

        void longRow(CSVRecord r, long line) throws SQLException {
            String variableText = mapping.get(r, "variable").orElse(null);
            String valueText = mapping.get(r, "value").orElse(null);
            if (isMissing(valueText)) {
                return;
            }
            Named named = variableText == null ? null : ClimateVariable.parse(variableText);
            if (named == null) {
                reject(line, "import.climateUnknownVariable", "unknown climate variable '" + variableText
                        + "' (precipitation, temperature, relative_humidity expected)", String.valueOf(variableText));
                return;
            }
            String unitText = mapping.get(r, "unit").orElse(null);
            Unit unit = named.unit();
            if (unitText != null) {
                unit = Unit.parse(unitText);
                if (unit == null) {
                    reject(line, "import.climateUnknownUnit", "unknown unit '" + unitText + "' for "
                            + named.variable().code(), unitText, named.variable().code());
                    return;
                }
            }
            String orgUnit = orgUnit(r, line);
            if (orgUnit != null) {
                value(r, line, orgUnit, named.variable(), unit, valueText, variableText);
            }
        }

        void wideRow(CSVRecord r, long line, List<WideColumn> columns) throws SQLException {
            String orgUnit = null;
            for (WideColumn w : columns) {
                String valueText = w.index() < r.size() ? r.get(w.index()).trim() : "";
                if (isMissing(valueText)) {
                    continue;
                }
                if (orgUnit == null) {
                    orgUnit = orgUnit(r, line);
                    if (orgUnit == null) {
                        return; // reported once for the row
                    }
                }
                value(r, line, orgUnit, w.named().variable(), w.named().unit(), valueText, w.header());
            }
        }

        private void value(CSVRecord r, long line, String orgUnit, ClimateVariable variable, Unit unit,
                           String valueText, String column) throws SQLException {
            BigDecimal number = decimal(valueText);
            if (number == null) {
                reject(line, "import.climateInvalidNumber", column + ": '" + valueText + "' is not a number", column,
                        valueText);
                return;
            }
            ClimateVariable.Converted converted;
            try {
                converted = variable.convert(number, unit);
            } catch (IllegalArgumentException e) {
                reject(line, "import.climateUnitMismatch", column + ": " + unit.symbol + " is not a unit of "
                        + variable.code() + " (stored in " + variable.unit() + ")", column, unit.symbol,
                        variable.code(), variable.unit());
                return;
            }
            if (converted.from() != null && noted.add(variable + " " + converted.from())) {
                context.report(line, 0, "import.climateConverted", variable.code() + ": values in "
                        + converted.from().symbol + " converted to " + variable.unit(), variable.code(),
                        converted.from().symbol, variable.unit());
            }
            String period = period(mapping.get(r, "period").orElse(""), datesAreMonths);
            placeholders.counted(orgUnit);
            // An invalid period is counted and reported by the writer, with this line.
            writer.add(new RawDataValue(uids.get(variable), period, orgUnit, null, null, converted.text(), null,
                    null, null, null, false, false, line));
        }

        /**
         * The org unit's UID: by the org unit column, else the name, district or region column (the
         * first that resolves, so that a row naming its district and region goes to the district); null
         * when unknown or ambiguous, reported against the first reference the row gives.
         */
        private String orgUnit(CSVRecord r, long line) throws SQLException {
            List<String> refs = new ArrayList<>(4);
            for (String field : new String[] {"orgUnit", "name", "district", "region"}) {
                mapping.get(r, field).ifPresent(refs::add);
            }
            String key = String.join("\u0000", refs);
            String uid = resolved.get(key);
            if (uid != null) {
                return uid;
            }
            OrgUnitLookup.Match first = null;
            for (String ref : refs) {
                OrgUnitLookup.Match match = orgUnits.resolve(ref);
                if (match instanceof OrgUnitLookup.Found f) {
                    resolved.put(key, f.orgUnit().uid());
                    return f.orgUnit().uid();
                }
                if (first == null) {
                    first = match;
                }
            }
            String shown = refs.isEmpty() ? "" : refs.get(0);
            if (first instanceof OrgUnitLookup.NotFound && placeholders.enabled() && !shown.isBlank()) {
                // --create-missing: the finest reference the row gives becomes a placeholder org unit.
                String created = placeholders.create(shown, line).uid();
                resolved.put(key, created);
                return created;
            }
            if (first instanceof OrgUnitLookup.Ambiguous a) {
                reject(line, "import.ambiguousOrgUnitName", "the org unit name '" + shown + "' is shared by " + a.count()
                        + " org units; give its code or UID", shown, String.valueOf(a.count()));
            } else {
                reject(line, "import.unknownOrgUnit", "unknown org unit '" + shown + "'", shown);
            }
            return null;
        }

        private void reject(long line, String key, String message, String... args) {
            context.counts().rejected();
            context.report(line, 0, key, message, args);
        }
    }

    /** Blank, or how pandas and R write a missing number. */
    static boolean isMissing(String text) {
        if (text == null) {
            return true;
        }
        String s = text.trim();
        return s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("na") || s.equalsIgnoreCase("null")
                || s.equalsIgnoreCase("none") || s.equals("-");
    }

    /** A decimal with a point or a comma ("27.5", "27,5", "1.2e-3"); null otherwise. */
    static BigDecimal decimal(String text) {
        String s = text.trim().replace("\u00A0", "").replace("\u202F", "");
        if (s.indexOf(',') >= 0) {
            if (s.indexOf('.') >= 0 || s.indexOf(',') != s.lastIndexOf(',')) {
                return null;
            }
            s = s.replace(',', '.');
        }
        if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return null;
        }
        return new BigDecimal(s);
    }

    /**
     * Whether the file's dates stand for months: xarray writes a monthly series' time as the first day
     * of each month ({@code valid_time} 2024-01-01, 2024-02-01...). Dates that are all on the 1st, and
     * at least two of them, are months; any other day makes them days.
     */
    static final class Dates {
        private String first;
        private boolean several;
        private boolean allFirstOfMonth = true;

        void see(String period) {
            Matcher m = DATE.matcher(period.trim());
            if (!m.matches()) {
                return;
            }
            String date = m.group(1) + m.group(2) + m.group(3);
            if (first == null) {
                first = date;
            } else if (!first.equals(date)) {
                several = true;
            }
            allFirstOfMonth &= m.group(3).equals("01");
        }

        boolean areMonths() {
            return several && allFirstOfMonth;
        }
    }

    /**
     * A DHIS2 ISO period from how data frames write time: {@code 2024-01} → {@code 202401},
     * {@code 2024-01-15} (and a timestamp on that day, as xarray's {@code valid_time}) → {@code 20240115}
     * (or {@code 202401} when the file's dates are months, see {@link Dates}), {@code 2024-W05} →
     * {@code 2024W5}; DHIS2's own forms pass unchanged. Anything else is passed on for the writer to
     * reject with its reason.
     */
    static String period(String text, boolean datesAreMonths) {
        String s = text.trim();
        Matcher m = DATE.matcher(s);
        if (m.matches()) {
            return m.group(1) + m.group(2) + (datesAreMonths ? "" : m.group(3));
        }
        m = YEAR_MONTH.matcher(s);
        if (m.matches()) {
            return m.group(1) + String.format("%02d", Integer.parseInt(m.group(2)));
        }
        m = ISO_WEEK.matcher(s);
        if (m.matches()) {
            return m.group(1) + "W" + Integer.parseInt(m.group(2));
        }
        return s;
    }
}
