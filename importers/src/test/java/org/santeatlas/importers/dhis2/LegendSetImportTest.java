package org.santeatlas.importers.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.TestWorkspace;

/** DHIS2 legendSets in metadata JSON: stored with their legends, updated, bad legends rejected. */
class LegendSetImportTest {

    @RegisterExtension
    final TestWorkspace ws = new TestWorkspace();

    static String completeness(String thirdColor, boolean withMiddle) {
        String middle = withMiddle ? """
                {"id": "LgMoyen0001", "name": "Moyenne", "startValue": 50, "endValue": 80, "color": "#FFFF00"},""" : "";
        return """
                {"legendSets": [{"id": "LsCompl0001", "code": "LS_COMPL", "name": "Complétude",
                  "legends": [
                    {"id": "LgFaible001", "name": "Faible", "startValue": 0, "endValue": 50, "color": "#FF0000"},
                    %s
                    {"id": "LgBonne0001", "name": "Bonne", "startValue": 80, "endValue": 100.5, "color": "%s"}]}]}
                """.formatted(middle, thirdColor);
    }

    @Test
    void legendSetsAreStoredWithTheirLegends() throws Exception {
        ImportResult r = ws.importText("legends.json", completeness("#00A000", true));
        assertThat(r.failed()).isFalse();
        assertThat(r.counts().createdCount()).isEqualTo(4);
        assertThat(ws.rows("SELECT S.CODE, S.NAME, L.UID, L.NAME, L.START_VALUE, L.END_VALUE, L.COLOR FROM LEGEND L"
                + " JOIN LEGEND_SET S ON S.ID = L.LEGEND_SET_ID ORDER BY L.START_VALUE")).containsExactly(
                "LS_COMPL|Complétude|LgFaible001|Faible|0.0|50.0|#FF0000",
                "LS_COMPL|Complétude|LgMoyen0001|Moyenne|50.0|80.0|#FFFF00",
                "LS_COMPL|Complétude|LgBonne0001|Bonne|80.0|100.5|#00A000");
    }

    @Test
    void aNewVersionUpdatesColoursAndDropsLegendsItNoLongerHas() throws Exception {
        ws.importText("legends.json", completeness("#00A000", true));
        ImportResult again = ws.importText("legends.json", completeness("#1A9850", false));
        assertThat(again.failed()).isFalse();
        assertThat(again.counts().updatedCount()).isEqualTo(1);
        assertThat(ws.rows("SELECT UID, COLOR FROM LEGEND ORDER BY START_VALUE"))
                .containsExactly("LgFaible001|#FF0000", "LgBonne0001|#1A9850");
    }

    @Test
    void aLegendWithoutAColourOrWithStartAfterEndRejectsItsSet() throws Exception {
        ImportResult r = ws.importText("legends.json", completeness("vert", true));
        assertThat(r.counts().rejectedCount()).isEqualTo(1);
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.toString()).contains("LsCompl0001").contains("vert"));
        assertThat(ws.scalar("SELECT COUNT(*) FROM LEGEND_SET")).isEqualTo("0");
        ImportResult backwards = ws.importText("l2.json", """
                {"legendSets": [{"id": "LsBack00001", "name": "À l'envers",
                  "legends": [{"id": "LgBack00001", "startValue": 10, "endValue": 5, "color": "#000000"}]}]}
                """);
        assertThat(backwards.counts().rejectedCount()).isEqualTo(1);
        assertThat(ws.scalar("SELECT COUNT(*) FROM LEGEND")).isEqualTo("0");
    }
}
