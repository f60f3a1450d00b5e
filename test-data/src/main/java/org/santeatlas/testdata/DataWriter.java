package org.santeatlas.testdata;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.santeatlas.testdata.Catalog.Slot;

/**
 * Streams the data values, as a DHIS2 data value set in JSON and in CSV, and the complete data set
 * registrations, in one pass: values are generated facility-month by facility-month and never held
 * in memory (the national file is hundreds of megabytes).
 *
 * <p>Layouts follow DHIS2's own writers: JSON {@code {"dataValues":[{dataElement, period, orgUnit,
 * categoryOptionCombo, attributeOptionCombo, value, storedBy, created, lastUpdated, comment,
 * followup}]}} (JsonDataValueSetWriter); CSV header {@code dataelement,period,orgunit,
 * categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted}
 * (CsvDataValueSetWriter, DHIS2 ≥ 2.38); registrations {@code {dataSet, period, organisationUnit,
 * attributeOptionCombo, date (yyyy-MM-dd), storedBy, completed}}.
 */
final class DataWriter {

    static final String CSV_HEADER = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,"
            + "value,storedby,lastupdated,comment,followup,deleted";
    /** Comment a clerk leaves on the first value of a report sent after the deadline. */
    static final String LATE_COMMENT = "Saisie tardive";

    record Result(long dataValues, int registrations, List<OutputFile.Written> files) {}

    private DataWriter() {}

    static Result write(Country c, Path valuesJson, Path valuesCsv, Path registrationsJson) throws IOException {
        Catalog catalog = c.catalog();
        Reporting reporting = c.reporting();
        String aoc = Uids.DEFAULT_CATEGORY_OPTION_COMBO;
        String dataSet = catalog.dataSet.uid();
        String[] deUids = new String[Activity.SLOTS.length];
        String[] cocUids = new String[Activity.SLOTS.length];
        for (Slot slot : Activity.SLOTS) {
            deUids[slot.ordinal()] = catalog.uid(slot.de);
            cocUids[slot.ordinal()] = catalog.cocUid(slot);
        }

        long values = 0;
        int registrations = 0;
        OutputFile jsonFile = new OutputFile(valuesJson, "dhis2-datavalueset-json");
        OutputFile csvFile = new OutputFile(valuesCsv, "dhis2-datavalueset-csv");
        OutputFile regFile = new OutputFile(registrationsJson, "dhis2-complete-registrations-json");
        try (jsonFile; csvFile; regFile;
                JsonGenerator json = jsonFile.recordPerLineJson();
                Writer csv = csvFile.writer();
                JsonGenerator reg = regFile.recordPerLineJson()) {
            json.writeStartObject();
            json.writeArrayFieldStart("dataValues");
            csv.write(CSV_HEADER);
            csv.write('\n');
            reg.writeStartObject();
            reg.writeArrayFieldStart("completeDataSetRegistrations");

            StringBuilder row = new StringBuilder(256);
            for (int p = 0; p < c.periods().size(); p++) {
                String period = Formats.period(c.periods().get(p));
                for (Facility f : c.facilities().all) {
                    if (reporting.status[f.index][p] != Reporting.REPORTED) {
                        continue;
                    }
                    int[] v = c.activity().values(f, c.periods().get(p));
                    c.planted().apply(f, p, v);
                    String stamp = Formats.timestamp(reporting.entrySecond[f.index][p]);
                    String comment = reporting.isLate(f.index, p) ? LATE_COMMENT : null;
                    for (Slot slot : Activity.SLOTS) {
                        int value = v[slot.ordinal()];
                        // zeroIsSignificant=false: DHIS2 does not store zeros.
                        if (value == 0 || !Activity.offers(f.type, slot)) {
                            continue;
                        }
                        String text = Integer.toString(value);
                        String de = deUids[slot.ordinal()];
                        String coc = cocUids[slot.ordinal()];
                        json.writeStartObject();
                        json.writeStringField("dataElement", de);
                        json.writeStringField("period", period);
                        json.writeStringField("orgUnit", f.uid);
                        json.writeStringField("categoryOptionCombo", coc);
                        json.writeStringField("attributeOptionCombo", aoc);
                        json.writeStringField("value", text);
                        json.writeStringField("storedBy", f.storedBy);
                        json.writeStringField("created", stamp);
                        json.writeStringField("lastUpdated", stamp);
                        if (comment != null) {
                            json.writeStringField("comment", comment);
                        }
                        json.writeBooleanField("followup", false);
                        json.writeEndObject();

                        row.setLength(0);
                        row.append(de).append(',').append(period).append(',').append(f.uid).append(',')
                                .append(coc).append(',').append(aoc).append(',').append(text).append(',')
                                .append(f.storedBy).append(',').append(stamp).append(',')
                                .append(Formats.csv(comment, ',')).append(",false,false\n");
                        csv.append(row);
                        comment = null;
                        values++;
                    }
                    reg.writeStartObject();
                    reg.writeStringField("dataSet", dataSet);
                    reg.writeStringField("period", period);
                    reg.writeStringField("organisationUnit", f.uid);
                    reg.writeStringField("attributeOptionCombo", aoc);
                    reg.writeStringField("date", LocalDate.ofEpochDay(reporting.completionDay[f.index][p]).toString());
                    reg.writeStringField("storedBy", f.storedBy);
                    reg.writeBooleanField("completed", true);
                    reg.writeEndObject();
                    registrations++;
                }
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
            reg.writeEndArray();
            reg.writeEndObject();
            reg.writeRaw('\n');
        }
        return new Result(values, registrations, List.of(jsonFile.written(), csvFile.written(), regFile.written()));
    }
}
