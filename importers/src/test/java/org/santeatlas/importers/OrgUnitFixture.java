package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.santeatlas.core.workspace.Workspace;

/**
 * A small org unit tree, imported as DHIS2 metadata JSON ({@code /api/metadata} shape): a country, two
 * regions, two districts and two facilities that share the name "CSI Centre" (in different districts,
 * as happens), for the importers that resolve org units by UID, code or name.
 */
public final class OrgUnitFixture {

    public static final String COUNTRY = "ImspTQPwCqd";
    public static final String TAHOUA = "O6uvpzGd5pu";
    public static final String DOSSO = "fdc6uOvgoji";
    public static final String KONNI = "lc3eMKXaEfw";
    public static final String GAYA = "jUb8gELQApl";
    public static final String CSI_KONNI = "PMa2VCrupOd";
    public static final String CSI_GAYA = "kJq2mPyFEHo";

    static final String METADATA = """
            {"system": {"version": "2.40.4"},
             "organisationUnits": [
              {"id": "ImspTQPwCqd", "code": "SC", "name": "République du Sahel Central", "shortName": "Sahel Central", "level": 1, "path": "/ImspTQPwCqd"},
              {"id": "O6uvpzGd5pu", "code": "REG_TAHOUA", "name": "Région de Tahoua", "shortName": "Tahoua", "level": 2, "parent": {"id": "ImspTQPwCqd"}, "path": "/ImspTQPwCqd/O6uvpzGd5pu"},
              {"id": "fdc6uOvgoji", "code": "REG_DOSSO", "name": "Région de Dosso", "shortName": "Dosso", "level": 2, "parent": {"id": "ImspTQPwCqd"}, "path": "/ImspTQPwCqd/fdc6uOvgoji"},
              {"id": "lc3eMKXaEfw", "code": "DS_KONNI", "name": "District sanitaire de Konni", "shortName": "DS Konni", "level": 3, "parent": {"id": "O6uvpzGd5pu"}, "path": "/ImspTQPwCqd/O6uvpzGd5pu/lc3eMKXaEfw"},
              {"id": "jUb8gELQApl", "code": "DS_GAYA", "name": "District sanitaire de Gaya", "shortName": "DS Gaya", "level": 3, "parent": {"id": "fdc6uOvgoji"}, "path": "/ImspTQPwCqd/fdc6uOvgoji/jUb8gELQApl"},
              {"id": "PMa2VCrupOd", "code": "CSI_KONNI_C", "name": "CSI Centre", "level": 4, "parent": {"id": "lc3eMKXaEfw"}, "path": "/ImspTQPwCqd/O6uvpzGd5pu/lc3eMKXaEfw/PMa2VCrupOd"},
              {"id": "kJq2mPyFEHo", "code": "CSI_GAYA_C", "name": "CSI Centre", "level": 4, "parent": {"id": "jUb8gELQApl"}, "path": "/ImspTQPwCqd/fdc6uOvgoji/jUb8gELQApl/kJq2mPyFEHo"}
             ]}
            """;

    private OrgUnitFixture() {
    }

    /** Imports the tree into the workspace (through the metadata importer). */
    public static void importInto(Workspace ws, Path dir) throws Exception {
        Path file = dir.resolve("metadata.json");
        Files.writeString(file, METADATA, StandardCharsets.UTF_8);
        ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);
        assertThat(r.failure()).isEmpty();
        assertThat(r.counts().createdCount()).isEqualTo(7);
    }
}
