package org.santeatlas.importers.dhis2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.santeatlas.core.period.PeriodFormatException;
import org.santeatlas.core.store.IdentifierIndex;
import org.santeatlas.core.store.PeriodIndex;
import org.santeatlas.core.store.Timestamps;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;
import org.santeatlas.importers.JsonFiles;

/**
 * DHIS2 complete data set registrations ({@code api/completeDataSetRegistrations.json}):
 * {@code {"completeDataSetRegistrations": [{"dataSet", "period", "organisationUnit",
 * "attributeOptionCombo", "date", "storedBy", "completed"}]}}. The registration date is what
 * timeliness is measured on.
 */
public final class CompleteRegistrationJsonImporter implements Importer {

    @Override
    public ImportFormat format() {
        return ImportFormat.DHIS2_COMPLETE_REGISTRATIONS_JSON;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        var c = context.connection();
        IdentifierIndex dataSets = IdentifierIndex.load(c, "DATA_SET");
        IdentifierIndex orgUnits = IdentifierIndex.load(c, "ORG_UNIT");
        IdentifierIndex combos = IdentifierIndex.load(c, "CATEGORY_OPTION_COMBO");
        PeriodIndex periods = PeriodIndex.load(c);
        int defaultCombo = combos.resolve(Workspace.defaultCategoryOptionComboUid());
        String key = " WHERE DATA_SET_ID = ? AND PERIOD_ID = ? AND ORG_UNIT_ID = ? AND ATTRIBUTE_OPTION_COMBO_ID = ?";
        try (JsonParser p = JsonFiles.open(context);
             PreparedStatement select = c.prepareStatement(
                     "SELECT REGISTERED, STORED_BY, COMPLETED FROM COMPLETE_REGISTRATION" + key);
             PreparedStatement insert = c.prepareStatement("INSERT INTO COMPLETE_REGISTRATION(REGISTERED, STORED_BY,"
                     + " COMPLETED, BATCH_ID, DATA_SET_ID, PERIOD_ID, ORG_UNIT_ID, ATTRIBUTE_OPTION_COMBO_ID)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE COMPLETE_REGISTRATION SET REGISTERED = ?,"
                     + " STORED_BY = ?, COMPLETED = ?, BATCH_ID = ?" + key)) {
            p.nextToken();
            JsonFiles.expect(context, p, JsonToken.START_OBJECT, "a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("completeDataSetRegistrations")) {
                    p.skipChildren();
                    continue;
                }
                JsonFiles.expect(context, p, JsonToken.START_ARRAY, "an array of registrations");
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    long line = p.currentLocation().getLineNr();
                    String dataSet = null;
                    String period = null;
                    String orgUnit = null;
                    String aoc = null;
                    String date = null;
                    String storedBy = null;
                    boolean completed = true;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        switch (f) {
                            case "dataSet" -> dataSet = JsonFiles.text(p);
                            case "period" -> period = JsonFiles.text(p);
                            case "organisationUnit", "orgUnit" -> orgUnit = JsonFiles.text(p);
                            case "attributeOptionCombo" -> aoc = JsonFiles.text(p);
                            case "date" -> date = JsonFiles.text(p);
                            case "storedBy" -> storedBy = JsonFiles.text(p);
                            case "completed" -> completed = JsonFiles.bool(p);
                            default -> p.skipChildren();
                        }
                    }
                    int ds = dataSets.resolve(dataSet);
                    int ou = orgUnits.resolve(orgUnit);
                    int ao = aoc == null || aoc.isBlank() ? defaultCombo : combos.resolve(aoc);
                    if (ds < 0 || ou < 0 || ao < 0) {
                        context.counts().rejected();
                        String what = ds < 0 ? "data set '" + dataSet + "'" : ou < 0 ? "org unit '" + orgUnit + "'"
                                : "attribute option combo '" + aoc + "'";
                        context.report(line, 0, "import.unknownReference", "unknown " + what, what);
                        continue;
                    }
                    int pe;
                    Timestamp registered;
                    try {
                        pe = periods.idOf(period == null ? "" : period.trim());
                        registered = date == null || date.isBlank() ? null : Timestamp.valueOf(LocalDateTime.ofInstant(
                                Instant.ofEpochMilli(Timestamps.parseMillis(date)), ZoneOffset.UTC));
                    } catch (PeriodFormatException | DateTimeParseException e) {
                        context.counts().rejected();
                        context.report(line, 0, "import.invalidValue", e.getMessage(), e.getMessage());
                        continue;
                    }
                    select.setInt(1, ds);
                    select.setInt(2, pe);
                    select.setInt(3, ou);
                    select.setInt(4, ao);
                    PreparedStatement write = insert;
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next()) {
                            if (Objects.equals(rs.getTimestamp(1), registered)
                                    && Objects.equals(rs.getString(2), storedBy) && rs.getBoolean(3) == completed) {
                                context.counts().unchanged();
                                continue;
                            }
                            write = update;
                            context.counts().updated();
                        } else {
                            context.counts().created();
                        }
                    }
                    write.setTimestamp(1, registered);
                    write.setString(2, storedBy);
                    write.setBoolean(3, completed);
                    write.setInt(4, context.batchId());
                    write.setInt(5, ds);
                    write.setInt(6, pe);
                    write.setInt(7, ou);
                    write.setInt(8, ao);
                    write.executeUpdate();
                }
                JsonFiles.expect(context, p, JsonToken.END_ARRAY, "a registration object or ']'");
            }
            JsonFiles.expect(context, p, JsonToken.END_OBJECT, "'}'");
        } catch (JsonProcessingException e) {
            throw JsonFiles.malformed(context, e);
        }
    }
}
