package org.santeatlas.importers.registry;

import org.santeatlas.importers.ImportFormat;

/**
 * A master facility list saved as an Excel workbook (XLSX): the same columns, mapping, coordinates and
 * upsert as {@link RegistryCsvImporter}, read from the first sheet with data (or the mapping's sheet)
 * by {@link org.santeatlas.importers.SheetTable}; problems name the spreadsheet row.
 */
public final class RegistryXlsxImporter extends RegistryTableImporter {

    @Override
    public ImportFormat format() {
        return ImportFormat.REGISTRY_XLSX;
    }

    @Override
    boolean xlsx() {
        return true;
    }
}
