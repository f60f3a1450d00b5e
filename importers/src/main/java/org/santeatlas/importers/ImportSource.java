package org.santeatlas.importers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One file to import as the service sees it: where its plain bytes are, and how the user and the import
 * batch know it. For a plain file both are the file itself; for a gzipped file or a zip entry the bytes
 * are an unpacked temporary copy while the name, size and SHA-256 are those of what the user gave.
 *
 * @param content     the plain (decompressed) bytes the importer reads
 * @param displayName the name in problems: {@code dv.json}, {@code dv.json.gz}, {@code export.zip!dv.json}
 * @param batchName   IMPORT_BATCH.FILE_NAME: the absolute path, with {@code !entry} for a zip entry
 * @param batchSize   IMPORT_BATCH.FILE_SIZE in bytes: the file on disk, or the entry's unpacked size
 * @param sha256      IMPORT_BATCH.FILE_SHA256 when known in advance; empty: hashed while the importer reads
 * @param resultPath  {@link ImportResult#file()}: the file given, or {@code archive.zip!entry} for an entry
 */
record ImportSource(Path content, String displayName, String batchName, long batchSize, Optional<String> sha256,
                    Path resultPath) {

    static ImportSource plain(Path file) throws IOException {
        return new ImportSource(file, ImportService.fileName(file), file.toAbsolutePath().toString(),
                Files.size(file), Optional.empty(), file);
    }
}
