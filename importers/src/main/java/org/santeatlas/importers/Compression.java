package org.santeatlas.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a file's bytes are packed, told by its first bytes (the formats' magic numbers), not by its name:
 * district teams rename files, and DHIS2 names its zipped exports {@code .json.zip}. An XLSX workbook is
 * a zip too, but a file to import rather than an archive to unpack: {@link #NONE}.
 */
public enum Compression {
    /** Plain bytes: imported as they are. */
    NONE,
    /** gzip (RFC 1952, magic {@code 1f 8b}): one file. */
    GZIP,
    /** zip (PKWARE APPNOTE, local header {@code PK\3\4}, or {@code PK\5\6} when empty): several files. */
    ZIP;

    public static Compression of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (head.length == 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6)) {
            return SheetTable.isXlsx(file) ? NONE : ZIP;
        }
        return NONE;
    }
}
