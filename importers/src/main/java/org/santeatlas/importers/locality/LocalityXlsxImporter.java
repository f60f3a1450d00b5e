package org.santeatlas.importers.locality;

import org.santeatlas.importers.ImportFormat;

/** Localities and their population in an XLSX workbook; see {@link LocalityTableImporter}. */
public final class LocalityXlsxImporter extends LocalityTableImporter {

    @Override
    public ImportFormat format() {
        return ImportFormat.LOCALITIES_XLSX;
    }

    @Override
    boolean xlsx() {
        return true;
    }
}
