package org.santeatlas.quality.engine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.santeatlas.core.store.SeriesCodec;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.WorkspaceMetadata;

/**
 * Writes the values behind the findings marked for follow-up as a DHIS2 data value set JSON
 * ({@code {"dataValues": [{dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value,
 * followup: true}]}}), the form DHIS2's {@code /api/dataValueSets} import takes, so that the marks reach the
 * SNIS (DHIS2 then lists them in its follow-up analysis). The values are read from the workspace, as stored;
 * a finding without a category option combo exports every combo of its data element, org unit and period.
 */
public final class FollowUpExport {

    private FollowUpExport() {
    }

    /** Writes the file; returns how many data values it holds. */
    public static int write(Connection connection, Path out) throws SQLException, IOException {
        WorkspaceMetadata md = WorkspaceMetadata.load(connection, Optional.empty(), Optional.empty());
        Set<String> written = new LinkedHashSet<>();
        int count = 0;
        try (JsonGenerator g = new JsonFactory().createGenerator(out.toFile(), JsonEncoding.UTF8);
             PreparedStatement st = connection.prepareStatement("SELECT S.CATEGORY_OPTION_COMBO_ID,"
                     + " S.ATTRIBUTE_OPTION_COMBO_ID, S.SLOT_COUNT, S.DATA FROM DATA_VALUE_SERIES S"
                     + " JOIN CATEGORY_OPTION_COMBO C ON C.ID = S.CATEGORY_OPTION_COMBO_ID"
                     + " WHERE S.DATA_ELEMENT_ID = ? AND S.ORG_UNIT_ID = ? AND (? IS NULL OR C.UID = ?)"
                     + " ORDER BY S.CATEGORY_OPTION_COMBO_ID, S.ATTRIBUTE_OPTION_COMBO_ID")) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("dataValues");
            for (QualityRunStore.StoredFinding s : new QualityRunStore(connection).followUps()) {
                Finding f = s.finding();
                if (f.dataElement() == null || f.orgUnit() == null || f.period() == null) {
                    continue;
                }
                Optional<Integer> de = md.dataElementByUid(f.dataElement());
                Optional<Integer> ou = md.orgUnitId(f.orgUnit());
                Optional<Integer> pe = md.periodId(f.period());
                if (de.isEmpty() || ou.isEmpty() || pe.isEmpty()) {
                    continue;
                }
                st.setInt(1, de.get());
                st.setInt(2, ou.get());
                st.setString(3, f.categoryOptionCombo());
                st.setString(4, f.categoryOptionCombo());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        byte[] data = rs.getBytes(4);
                        for (int slot = 1; slot <= rs.getInt(3); slot++) {
                            Integer p = SeriesCodec.periodId(data, slot);
                            if (p == null || p != pe.get().intValue() || Boolean.TRUE.equals(SeriesCodec.deleted(data, slot))) {
                                continue;
                            }
                            String coc = md.categoryOptionComboUid(rs.getInt(1));
                            String aoc = md.categoryOptionComboUid(rs.getInt(2));
                            String key = f.dataElement() + "|" + f.period() + "|" + f.orgUnit() + "|" + coc + "|" + aoc;
                            if (!written.add(key)) {
                                continue;
                            }
                            g.writeStartObject();
                            g.writeStringField("dataElement", f.dataElement());
                            g.writeStringField("period", f.period());
                            g.writeStringField("orgUnit", f.orgUnit());
                            g.writeStringField("categoryOptionCombo", coc);
                            g.writeStringField("attributeOptionCombo", aoc);
                            g.writeStringField("value", SeriesCodec.value(data, slot));
                            g.writeBooleanField("followup", true);
                            g.writeEndObject();
                            count++;
                        }
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return count;
    }
}
