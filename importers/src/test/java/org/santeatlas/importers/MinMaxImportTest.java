package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DHIS2 min-max values ({@code minMaxDataElements} in a metadata export) into MIN_MAX_DATA_ELEMENT. */
class MinMaxImportTest {

    @RegisterExtension
    final TestWorkspace ws = new TestWorkspace();

    /** Two facilities, one data element; min-max values listed before the objects they name. */
    static String metadata(String alphaMax) {
        return metadata(alphaMax, "");
    }

    static String metadata(String alphaMax, String more) {
        return """
                {"minMaxDataElements": [
                   {"source": {"id": "CsiAlpha001"}, "dataElement": {"id": "DeConsult01"},
                    "optionCombo": {"id": "HllvX50cXC0"}, "min": 100, "max": %s, "generated": false},
                   {"source": {"id": "CsiBeta0001"}, "dataElement": {"id": "DeConsult01"},
                    "optionCombo": {"id": "HllvX50cXC0"}, "min": 10, "max": 20, "generated": true}%s],
                 "organisationUnits": [
                   {"id": "PaysMinMax1", "name": "Pays (fictif)"},
                   {"id": "CsiAlpha001", "name": "CSI Alpha", "parent": {"id": "PaysMinMax1"}},
                   {"id": "CsiBeta0001", "name": "CSI Beta", "parent": {"id": "PaysMinMax1"}}],
                 "dataElements": [{"id": "DeConsult01", "name": "Consultations", "shortName": "Consultations",
                   "valueType": "INTEGER_ZERO_OR_POSITIVE", "aggregationType": "SUM", "domainType": "AGGREGATE",
                   "categoryCombo": {"id": "bjDvmb4bfuf"}}]}
                """.formatted(alphaMax, more);
    }

    @Test
    void importsMinMaxValuesWithTheirOrgUnitDataElementAndOptionCombo() throws Exception {
        ImportResult r = ws.importText("minmax.json", metadata("200"));
        assertThat(r.failed()).isFalse();
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_METADATA_JSON);
        // 3 org units + 1 data element + 2 min-max values
        assertThat(r.counts().createdCount()).isEqualTo(6);
        assertThat(ws.rows("SELECT O.UID, E.UID, C.UID, M.MIN_VALUE, M.MAX_VALUE, M.GENERATED"
                + " FROM MIN_MAX_DATA_ELEMENT M JOIN ORG_UNIT O ON O.ID = M.ORG_UNIT_ID"
                + " JOIN DATA_ELEMENT E ON E.ID = M.DATA_ELEMENT_ID"
                + " JOIN CATEGORY_OPTION_COMBO C ON C.ID = M.CATEGORY_OPTION_COMBO_ID ORDER BY O.UID"))
                .containsExactly("CsiAlpha001|DeConsult01|HllvX50cXC0|100.0|200.0|FALSE",
                        "CsiBeta0001|DeConsult01|HllvX50cXC0|10.0|20.0|TRUE");
    }

    @Test
    void aMinMaxNamingAnUnknownOrgUnitOrWithoutBoundsIsReportedWithItsLine() throws Exception {
        String ghost = """
                ,
                   {"source": {"id": "CsiGhost001"}, "dataElement": {"id": "DeConsult01"},
                    "optionCombo": {"id": "HllvX50cXC0"}, "min": 1, "max": 2},
                   {"source": {"id": "CsiBeta0001"}, "dataElement": {"id": "DeConsult01"},
                    "optionCombo": {"id": "HllvX50cXC0"}, "min": 9}""";
        ImportResult refused = ws.importText("minmax.json", metadata("200", ghost));
        assertThat(refused.failed()).isTrue();
        assertThat(refused.counts().rejectedCount()).isEqualTo(2);
        assertThat(refused.problems()).extracting(p -> p.line() + " " + p.message()).containsExactly(
                "6 minMaxDataElements CsiGhost001/DeConsult01/HllvX50cXC0: unknown org unit (source) CsiGhost001",
                "8 minMaxDataElements CsiBeta0001/DeConsult01/HllvX50cXC0: needs numbers min ≤ max");
        assertThat(ws.scalar("SELECT COUNT(*) FROM MIN_MAX_DATA_ELEMENT")).isEqualTo("0");

        ImportResult valid = ws.importText("minmax.json", metadata("200", ghost), ImportOptions.DEFAULTS
                .withSkipInvalid(true));
        assertThat(valid.failed()).isFalse();
        assertThat(ws.scalar("SELECT COUNT(*) FROM MIN_MAX_DATA_ELEMENT")).isEqualTo("2");
    }

    @Test
    void reimportIsUnchangedAndNewBoundsUpdateTheRow() throws Exception {
        ws.importText("minmax.json", metadata("200"));
        ImportResult same = ws.importText("minmax.json", metadata("200"));
        assertThat(same.counts().createdCount()).isZero();
        assertThat(same.counts().updatedCount()).isZero();
        assertThat(same.counts().unchangedCount()).isEqualTo(6);

        ImportResult changed = ws.importText("minmax2.json", metadata("250"));
        assertThat(changed.counts().updatedCount()).isEqualTo(1);
        assertThat(ws.scalar("SELECT MAX_VALUE FROM MIN_MAX_DATA_ELEMENT M JOIN ORG_UNIT O ON O.ID = M.ORG_UNIT_ID"
                + " WHERE O.UID = 'CsiAlpha001'")).isEqualTo("250.0");
        assertThat(ws.scalar("SELECT COUNT(*) FROM MIN_MAX_DATA_ELEMENT")).isEqualTo("2");
    }
}
