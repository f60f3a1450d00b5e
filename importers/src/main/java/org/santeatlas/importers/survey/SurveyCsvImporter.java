package org.santeatlas.importers.survey;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVRecord;
import org.santeatlas.importers.ColumnMapping;
import org.santeatlas.importers.CsvTable;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;
import org.santeatlas.importers.OrgUnitLookup;
import org.santeatlas.importers.OrgUnitPlaceholders;

/**
 * Survey estimates for the WHO Data Quality Review's external consistency (DQR 2017, dimension 4:
 * routine coverage against a survey's, e.g. DHS or MICS, by region and year), as teams copy them from
 * survey reports into a spreadsheet: one estimate a row, columns found by header in French or English
 * (indicateur, unité d'organisation or région and/or district, année, valeur, source / enquête, and
 * optional lower and upper bounds of the confidence interval). With both a region and a district column,
 * each row goes to the finest one it fills in. ';' or ',' separated, decimal point or comma, an
 * optional '%' after a number.
 *
 * <p>Values are stored as written: a coverage of 85 % may be given as {@code 85} or {@code 0.85}, and the
 * DQR reads it with the unit its indicator uses. Only the numbers are checked, and that a confidence
 * interval holds its estimate.
 *
 * <p>Each row is keyed by (indicator, org unit, year, source) in {@code SURVEY_VALUE}: re-importing a
 * corrected file updates the estimates in place. The org unit is resolved by UID, code or name
 * ({@link OrgUnitLookup}); {@code ORG_UNIT_REF} stores its UID, so that a file naming a region by name and
 * another by code update the same row. A row whose org unit is unknown or ambiguous is rejected; with
 * {@code --create-missing} an unknown one is kept under a placeholder org unit ({@link OrgUnitPlaceholders}).
 */
public final class SurveyCsvImporter implements Importer {

    /** Field → accepted header names, normalised by {@link ColumnMapping#key}. */
    static final Map<String, List<String>> SYNONYMS = Map.of(
            "indicator", List.of("indicateur", "indicator", "nom_indicateur", "indicator_name", "libelle_indicateur"),
            "orgUnit", List.of("unite_d'organisation", "unite_d’organisation", "unite_dorganisation",
                    "unite_organisation", "unite_organisationnelle", "org_unit", "orgunit", "organisation_unit",
                    "organisationunit", "ou", "entite", "zone"),
            "district", List.of("district", "district_sanitaire", "health_district"),
            "region", List.of("region", "province"),
            "year", List.of("annee", "year", "an", "survey_year", "annee_enquete"),
            "value", List.of("valeur", "value", "estimation", "estimate", "point_estimate", "taux", "couverture",
                    "coverage"),
            "source", List.of("source", "enquete", "survey", "source_enquete", "nom_enquete"),
            "lower", List.of("borne_inferieure", "borne_inf", "limite_inferieure", "ic_inf", "ic_bas", "lower",
                    "lower_bound", "ci_lower", "lower_ci", "low"),
            "upper", List.of("borne_superieure", "borne_sup", "limite_superieure", "ic_sup", "ic_haut", "upper",
                    "upper_bound", "ci_upper", "upper_ci", "high"));

    /** Rows between progress reports and cancellation checks. */
    private static final int REPORT_EVERY = 1_000;

    /**
     * Whether a header line is a survey table's: an indicator, a place, a year and a value column (the
     * source is checked on import, to say what is missing).
     */
    public static boolean looksLikeHeader(List<String> cells) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        cells.forEach(c -> keys.add(ColumnMapping.key(c)));
        return any(keys, "indicator") && any(keys, "year") && any(keys, "value")
                && (any(keys, "orgUnit") || any(keys, "district") || any(keys, "region"));
    }

    private static boolean any(java.util.Set<String> keys, String field) {
        return SYNONYMS.get(field).stream().anyMatch(keys::contains);
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.SURVEY_CSV;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        OrgUnitLookup orgUnits = OrgUnitLookup.load(context.connection());
        OrgUnitPlaceholders placeholders = new OrgUnitPlaceholders(context, orgUnits);
        long rows = 0;
        try (CsvTable table = CsvTable.open(context, SYNONYMS);
             Store store = new Store(context)) {
            ColumnMapping mapping = table.mapping();
            if (!mapping.has("indicator") || !(mapping.has("orgUnit") || mapping.has("district")
                    || mapping.has("region")) || !mapping.has("year") || !mapping.has("value") || !mapping.has("source")) {
                throw new ImportFailure(context.problem(1, 0, "import.surveyMissingColumns",
                        "the header needs indicator, org unit, year, value and source columns"
                                + " (indicateur, unité d'organisation, année, valeur, source)"));
            }
            for (CSVRecord r = table.next(); r != null; r = table.next()) {
                row(context, orgUnits, placeholders, store, mapping, r, table.line());
                if (++rows % REPORT_EVERY == 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("import cancelled");
                    }
                    context.progress().update(0, 0, rows);
                }
            }
            placeholders.report();
        }
        context.progress().update(1, 1, rows);
    }

    private static void row(ImportContext context, OrgUnitLookup orgUnits, OrgUnitPlaceholders placeholders,
                            Store store, ColumnMapping mapping, CSVRecord r, long line) throws SQLException {
        String indicator = mapping.get(r, "indicator").orElse(null);
        // The finest place the row names: a file may hold regional and district estimates side by side.
        String ouRef = mapping.get(r, "orgUnit").or(() -> mapping.get(r, "district"))
                .or(() -> mapping.get(r, "region")).orElse(null);
        String yearText = mapping.get(r, "year").orElse(null);
        String valueText = mapping.get(r, "value").orElse(null);
        String source = mapping.get(r, "source").orElse(null);
        if (indicator == null || ouRef == null || yearText == null || valueText == null || source == null) {
            reject(context, line, "import.surveyIncompleteRow",
                    "a survey value needs an indicator, an org unit, a year, a value and a source");
            return;
        }
        if (indicator.length() > 230 || source.length() > 200) {
            reject(context, line, "import.surveyTextTooLong",
                    "the indicator (230 characters at most) or the source (200) is too long");
            return;
        }
        Integer year = year(yearText);
        if (year == null) {
            reject(context, line, "import.surveyInvalidYear", "invalid year '" + yearText
                    + "': a single year such as 2021 is expected", yearText);
            return;
        }
        OptionalDouble value = number(valueText);
        if (value.isEmpty()) {
            reject(context, line, "import.surveyInvalidNumber", "'" + valueText + "' is not a number", valueText);
            return;
        }
        Double lower = null;
        Double upper = null;
        for (String bound : new String[] {"lower", "upper"}) {
            String text = mapping.get(r, bound).orElse(null);
            if (text == null) {
                continue;
            }
            OptionalDouble b = number(text);
            if (b.isEmpty()) {
                reject(context, line, "import.surveyInvalidNumber", "'" + text + "' is not a number", text);
                return;
            }
            if (bound.equals("lower")) {
                lower = b.getAsDouble();
            } else {
                upper = b.getAsDouble();
            }
        }
        double v = value.getAsDouble();
        if (lower != null && lower > v || upper != null && upper < v) {
            String interval = "[" + (lower == null ? "" : format(lower)) + " ; " + (upper == null ? "" : format(upper))
                    + "]";
            reject(context, line, "import.surveyValueOutsideInterval", "the value " + format(v)
                    + " lies outside its confidence interval " + interval, format(v), interval);
            return;
        }
        OrgUnitLookup.Match match = orgUnits.resolve(ouRef);
        if (match instanceof OrgUnitLookup.Ambiguous a) {
            reject(context, line, "import.ambiguousOrgUnitName", "the org unit name '" + ouRef + "' is shared by "
                    + a.count() + " org units; give its code or UID", ouRef, String.valueOf(a.count()));
            return;
        }
        OrgUnitLookup.OrgUnit ou;
        if (match instanceof OrgUnitLookup.Found found) {
            ou = found.orgUnit();
        } else if (placeholders.enabled() && !ouRef.isBlank()) {
            // --create-missing: kept under a placeholder org unit that a metadata import completes later.
            ou = placeholders.create(ouRef, line);
        } else {
            reject(context, line, "import.unknownOrgUnit", "unknown org unit '" + ouRef + "'", ouRef);
            return;
        }
        placeholders.counted(ou.uid());
        store.put(indicator, ou, year, source, v, lower, upper);
    }

    private static void reject(ImportContext context, long line, String key, String message, String... args) {
        context.counts().rejected();
        context.report(line, 0, key, message, args);
    }

    /** A four-digit year, also written "2021.0" by spreadsheets that stored it as a number. */
    static Integer year(String text) {
        String s = text.trim();
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        if (!s.matches("\\d{4}")) {
            return null;
        }
        int y = Integer.parseInt(s);
        return y >= 1900 && y <= 2100 ? y : null;
    }

    /**
     * A number as survey tables and French spreadsheets write it: "85.3", "85,3", "85,3 %", "1 234,5"
     * (spaces, including no-break spaces, as thousands separators). Null for anything else.
     */
    static OptionalDouble number(String text) {
        String s = text.trim();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        s = s.replace("\u00A0", "").replace("\u202F", "").replace(" ", "");
        if (s.indexOf(',') >= 0) {
            if (s.indexOf('.') >= 0 || s.indexOf(',') != s.lastIndexOf(',')) {
                return OptionalDouble.empty();
            }
            s = s.replace(',', '.');
        }
        if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return OptionalDouble.empty();
        }
        double d = Double.parseDouble(s);
        return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** The upsert on (indicator, org unit, year, source), counting created, updated and unchanged. */
    private static final class Store implements AutoCloseable {

        private final ImportContext context;
        private final PreparedStatement select;
        private final PreparedStatement insert;
        private final PreparedStatement update;

        Store(ImportContext context) throws SQLException {
            this.context = context;
            Connection c = context.connection();
            select = c.prepareStatement("SELECT ID, ORG_UNIT_ID, SURVEY_VALUE, LOWER_BOUND, UPPER_BOUND"
                    + " FROM SURVEY_VALUE WHERE INDICATOR = ? AND ORG_UNIT_REF = ? AND SURVEY_YEAR = ? AND SOURCE = ?");
            insert = c.prepareStatement("INSERT INTO SURVEY_VALUE(INDICATOR, ORG_UNIT_REF, ORG_UNIT_ID, SURVEY_YEAR,"
                    + " SURVEY_VALUE, SOURCE, LOWER_BOUND, UPPER_BOUND, BATCH_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            update = c.prepareStatement("UPDATE SURVEY_VALUE SET ORG_UNIT_ID = ?, SURVEY_VALUE = ?, LOWER_BOUND = ?,"
                    + " UPPER_BOUND = ?, BATCH_ID = ? WHERE ID = ?");
        }

        void put(String indicator, OrgUnitLookup.OrgUnit ou, int year, String source, double value, Double lower,
                 Double upper) throws SQLException {
            select.setString(1, indicator);
            select.setString(2, ou.uid());
            select.setInt(3, year);
            select.setString(4, source);
            int id = -1;
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    id = rs.getInt(1);
                    if (rs.getInt(2) == ou.id() && rs.getDouble(3) == value
                            && Objects.equals(rs.getObject(4, Double.class), lower)
                            && Objects.equals(rs.getObject(5, Double.class), upper)) {
                        context.counts().unchanged();
                        return;
                    }
                }
            }
            if (id < 0) {
                insert.setString(1, indicator);
                insert.setString(2, ou.uid());
                insert.setInt(3, ou.id());
                insert.setInt(4, year);
                insert.setDouble(5, value);
                insert.setString(6, source);
                insert.setObject(7, lower);
                insert.setObject(8, upper);
                insert.setInt(9, context.batchId());
                insert.executeUpdate();
                context.counts().created();
            } else {
                update.setInt(1, ou.id());
                update.setDouble(2, value);
                update.setObject(3, lower);
                update.setObject(4, upper);
                update.setInt(5, context.batchId());
                update.setInt(6, id);
                update.executeUpdate();
                context.counts().updated();
            }
        }

        @Override
        public void close() throws SQLException {
            try (select; insert; update) {
                // closes all three
            }
        }
    }
}
