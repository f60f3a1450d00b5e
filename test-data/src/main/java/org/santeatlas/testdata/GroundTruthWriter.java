package org.santeatlas.testdata;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * ground-truth.json: every planted problem with the identifiers a detector reports (org unit uid and
 * code, period, data element and category option combo uids, values before and after planting), so
 * that a detector's output can be scored exactly.
 */
final class GroundTruthWriter {

    private GroundTruthWriter() {}

    static OutputFile.Written write(Country c, Path path) throws IOException {
        OutputFile file = new OutputFile(path, "ground-truth-json");
        try (file; JsonGenerator g = file.prettyJson()) {
            g.writeStartObject();
            g.writeBooleanField("fictional", true);
            g.writeStringField("generator", ManifestWriter.GENERATOR);
            g.writeNumberField("seed", c.seed());
            g.writeStringField("size", c.size().externalName());
            g.writeStringField("country", c.territory().country.place);
            g.writeStringField("dataSet", c.catalog().dataSet.uid());
            g.writeNumberField("timelyDays", Catalog.TIMELY_DAYS);
            writeOutliers(g, c);
            writeReports(g, c);
            writeViolations(g, c);
            writeGeography(g, c);
            writeRegistry(g, c);
            writeDates(g, c);
            g.writeEndObject();
            g.writeRaw('\n');
        }
        return file.written();
    }

    private static void writeOutliers(JsonGenerator g, Country c) throws IOException {
        List<PlantedData.Outlier> list = new ArrayList<>(c.planted().outliers);
        list.sort(Comparator.comparingInt(PlantedData.Outlier::period).thenComparing(o -> o.facility().code));
        g.writeArrayFieldStart("outliers");
        for (PlantedData.Outlier o : list) {
            g.writeStartObject();
            g.writeStringField("kind", o.kind().name());
            writeOrgUnit(g, o.facility());
            g.writeStringField("period", Formats.period(c.periods().get(o.period())));
            g.writeStringField("dataElement", c.catalog().uid(o.slot().de));
            g.writeStringField("dataElementCode", o.slot().de.code);
            g.writeStringField("categoryOptionCombo", c.catalog().cocUid(o.slot()));
            g.writeStringField("value", Integer.toString(o.value()));
            g.writeStringField("originalValue", Integer.toString(o.originalValue()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeReports(JsonGenerator g, Country c) throws IOException {
        Reporting r = c.reporting();
        List<Facility> all = c.facilities().all;
        g.writeArrayFieldStart("missingReports");
        for (int p = 0; p < c.periods().size(); p++) {
            for (Facility f : all) {
                if (r.status[f.index][p] == Reporting.MISSING) {
                    g.writeStartObject();
                    writeOrgUnit(g, f);
                    g.writeStringField("period", Formats.period(c.periods().get(p)));
                    g.writeStringField("dataSet", c.catalog().dataSet.uid());
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();

        g.writeArrayFieldStart("lateReports");
        for (int p = 0; p < c.periods().size(); p++) {
            LocalDate deadline = r.deadline(p);
            for (Facility f : all) {
                if (r.isLate(f.index, p)) {
                    LocalDate completed = LocalDate.ofEpochDay(r.completionDay[f.index][p]);
                    g.writeStartObject();
                    writeOrgUnit(g, f);
                    g.writeStringField("period", Formats.period(c.periods().get(p)));
                    g.writeStringField("dataSet", c.catalog().dataSet.uid());
                    g.writeStringField("completionDate", completed.toString());
                    g.writeStringField("deadline", deadline.toString());
                    g.writeNumberField("daysLate", ChronoUnit.DAYS.between(deadline, completed));
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();

        g.writeArrayFieldStart("interruptedReporting");
        for (Facility f : r.interrupted) {
            g.writeStartObject();
            writeOrgUnit(g, f);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeViolations(JsonGenerator g, Country c) throws IOException {
        List<PlantedData.Violation> list = new ArrayList<>(c.planted().violations);
        list.sort(Comparator.comparingInt(PlantedData.Violation::period).thenComparing(v -> v.facility().code));
        g.writeArrayFieldStart("validationViolations");
        for (PlantedData.Violation v : list) {
            g.writeStartObject();
            g.writeStringField("validationRule", v.rule().uid());
            g.writeStringField("validationRuleCode", v.rule().code());
            writeOrgUnit(g, v.facility());
            g.writeStringField("period", Formats.period(c.periods().get(v.period())));
            g.writeNumberField("leftSide", v.leftSide());
            g.writeNumberField("rightSide", v.rightSide());
            g.writeStringField("dataElement", c.catalog().uid(v.slot().de));
            g.writeStringField("dataElementCode", v.slot().de.code);
            g.writeStringField("categoryOptionCombo", c.catalog().cocUid(v.slot()));
            g.writeStringField("value", Integer.toString(v.value()));
            g.writeStringField("originalValue", Integer.toString(v.originalValue()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeGeography(JsonGenerator g, Country c) throws IOException {
        Facilities fs = c.facilities();
        g.writeArrayFieldStart("swappedCoordinates");
        for (Facility f : sorted(fs.swapped)) {
            g.writeStartObject();
            writeOrgUnit(g, f);
            writePoint(g, "publishedCoordinates", f.publishedPoint);
            writePoint(g, "trueCoordinates", f.truePoint);
            g.writeEndObject();
        }
        g.writeEndArray();

        List<Facilities.Misplaced> misplaced = new ArrayList<>(fs.outsideDistrict);
        misplaced.sort(Comparator.comparing(m -> m.facility().code));
        g.writeArrayFieldStart("outsideDistrict");
        for (Facilities.Misplaced m : misplaced) {
            Facility f = m.facility();
            g.writeStartObject();
            writeOrgUnit(g, f);
            g.writeStringField("expectedDistrict", f.district().uid);
            g.writeStringField("expectedDistrictCode", f.district().code);
            g.writeStringField("actualDistrict", m.actualArea().parent.uid);
            g.writeStringField("actualDistrictCode", m.actualArea().parent.code);
            g.writeStringField("actualArea", m.actualArea().uid);
            writePoint(g, "publishedCoordinates", f.publishedPoint);
            writePoint(g, "trueCoordinates", f.truePoint);
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("missingCoordinates");
        for (Facility f : sorted(fs.withoutCoordinates)) {
            g.writeStartObject();
            writeOrgUnit(g, f);
            g.writeBooleanField("registryHasCoordinates", f.registryHasCoordinates);
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("nearDuplicates");
        for (Facility dup : sorted(fs.duplicates)) {
            Facility original = dup.duplicateOf;
            g.writeStartObject();
            writeOrgUnit(g, dup);
            g.writeStringField("name", dup.name);
            g.writeStringField("duplicateOf", original.uid);
            g.writeStringField("duplicateOfCode", original.code);
            g.writeStringField("duplicateOfName", original.name);
            g.writeNumberField("distanceMetres", Math.round(Geo.distanceMetres(dup.truePoint, original.truePoint)));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeRegistry(JsonGenerator g, Country c) throws IOException {
        Facilities fs = c.facilities();
        g.writeArrayFieldStart("registryOnly");
        for (Facilities.RegistryRecord r : fs.registryOnly) {
            g.writeStartObject();
            g.writeStringField("code", r.code());
            g.writeStringField("name", r.name());
            g.writeStringField("type", r.type());
            g.writeEndObject();
        }
        g.writeEndArray();

        List<Facility> snisOnly = new ArrayList<>(fs.notInRegistry);
        snisOnly.addAll(fs.duplicates);
        g.writeArrayFieldStart("snisOnly");
        for (Facility f : sorted(snisOnly)) {
            g.writeStartObject();
            writeOrgUnit(g, f);
            g.writeStringField("name", f.name);
            g.writeStringField("reason", f.duplicateOf != null ? "NEAR_DUPLICATE" : "NOT_IN_REGISTRY");
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("registryMissingCoordinates");
        for (Facilities.RegistryRecord r : fs.registry) {
            if (r.point() == null) {
                g.writeStartObject();
                g.writeStringField("code", r.code());
                g.writeStringField("name", r.name());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static void writeDates(JsonGenerator g, Country c) throws IOException {
        g.writeArrayFieldStart("openedDuringPeriod");
        for (Facility f : sorted(c.facilities().openedDuringPeriod)) {
            g.writeStartObject();
            writeOrgUnit(g, f);
            g.writeStringField("openingDate", f.openingDate.toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("closedFacilities");
        for (Facility f : sorted(c.facilities().closed)) {
            g.writeStartObject();
            writeOrgUnit(g, f);
            g.writeStringField("closedDate", f.closedDate.toString());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static List<Facility> sorted(List<Facility> list) {
        List<Facility> out = new ArrayList<>(list);
        out.sort(Comparator.comparing(f -> f.code));
        return out;
    }

    private static void writeOrgUnit(JsonGenerator g, Facility f) throws IOException {
        g.writeStringField("orgUnit", f.uid);
        g.writeStringField("orgUnitCode", f.code);
    }

    private static void writePoint(JsonGenerator g, String field, Coordinate c) throws IOException {
        g.writeFieldName(field);
        g.writeRawValue(Geo.pointCoordinates(c));
    }
}
