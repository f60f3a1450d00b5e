package org.santeatlas.importers;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.santeatlas.core.store.IdSchemes;

/**
 * How to import, as the user chose it (the CLI's options, the import wizard's settings).
 *
 * @param skipInvalid   import the valid records of a file that has invalid ones, listing those rejected;
 *                      by default a file with any invalid record is refused as a whole
 * @param createMissing keep values that refer to unknown org units, data elements or option combos under
 *                      placeholder metadata (marked as such) instead of rejecting them
 * @param idSchemes     how data files name their references (UID, code or name)
 * @param charset       the character set of text files, when the user knows better than detection
 * @param mapping       a saved column mapping (JSON) for registry spreadsheets
 * @param attachBoundaries for boundary files: attach each feature's geometry to the org unit it matches
 *                      by code or name; when false, the file becomes a boundary layer of its own
 */
public record ImportOptions(boolean skipInvalid, boolean createMissing, IdSchemes idSchemes,
                            Optional<Charset> charset, Optional<Path> mapping, boolean attachBoundaries) {

    public static final ImportOptions DEFAULTS = new ImportOptions(false, false, IdSchemes.AUTO, Optional.empty(),
            Optional.empty(), true);

    public ImportOptions {
        Objects.requireNonNull(idSchemes);
        Objects.requireNonNull(charset);
        Objects.requireNonNull(mapping);
    }

    public ImportOptions withSkipInvalid(boolean b) {
        return new ImportOptions(b, createMissing, idSchemes, charset, mapping, attachBoundaries);
    }

    public ImportOptions withCreateMissing(boolean b) {
        return new ImportOptions(skipInvalid, b, idSchemes, charset, mapping, attachBoundaries);
    }

    public ImportOptions withIdSchemes(IdSchemes s) {
        return new ImportOptions(skipInvalid, createMissing, s, charset, mapping, attachBoundaries);
    }

    public ImportOptions withCharset(Charset c) {
        return new ImportOptions(skipInvalid, createMissing, idSchemes, Optional.ofNullable(c), mapping,
                attachBoundaries);
    }

    public ImportOptions withMapping(Path p) {
        return new ImportOptions(skipInvalid, createMissing, idSchemes, charset, Optional.ofNullable(p),
                attachBoundaries);
    }

    public ImportOptions withAttachBoundaries(boolean b) {
        return new ImportOptions(skipInvalid, createMissing, idSchemes, charset, mapping, b);
    }
}
