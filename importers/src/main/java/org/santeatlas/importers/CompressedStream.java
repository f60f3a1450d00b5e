package org.santeatlas.importers;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.santeatlas.core.store.Problem;

/**
 * A gzipped data value file, or a zip archive holding one, read in place: decompressed on the fly as the
 * importer reads, with no temporary copy (a national export is hundreds of MB that would be written and
 * read back). Only the streaming data value formats qualify ({@link #STREAMED}); anything else, an archive
 * of several files, or one that fails a check, keeps the unpacking path of {@link CompressedFiles}, which
 * also reports why an archive is refused.
 *
 * <p>The same guards as unpacking apply, on the bytes actually produced while they stream: the zip bomb
 * ratio and the total cap ({@link CompressedFiles#isBomb}, {@link CompressedFiles#MAX_TOTAL_BYTES}), and
 * a damaged or cut-short stream. Since parsers wrap the stream's exception in their own (a CSV or XML
 * syntax error), the reason is kept here too and the service reports it instead ({@link #failure()}).
 * An archive's entry names are checked as when unpacking: one that points outside refuses the archive.
 */
final class CompressedStream {

    /** The formats whose importers read only through {@link ImportContext#open()} and {@link ImportContext#openUnhashed()}. */
    static final Set<ImportFormat> STREAMED = EnumSet.of(ImportFormat.DHIS2_DATA_VALUE_SET_JSON,
            ImportFormat.DHIS2_DATA_VALUE_SET_CSV, ImportFormat.DHIS2_DATA_VALUE_SET_XML, ImportFormat.DHIS2_ADX,
            ImportFormat.DHIS2_ANALYTICS_JSON);

    private static final int BUFFER = 1 << 16;

    private final ImportSource source;
    private final ImportFormat format;
    private final HashingInput input;
    private volatile Problem failure;

    private CompressedStream(ImportSource source, ImportFormat format, HashingInput input) {
        this.source = source;
        this.format = format;
        this.input = input;
    }

    ImportSource source() {
        return source;
    }

    ImportFormat format() {
        return format;
    }

    HashingInput input() {
        return input;
    }

    /** Why the stream stopped (a cap, damage), if it did: the reason to report, whatever the parser made of it. */
    Optional<Problem> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * The file read in place, when it qualifies; empty: unpack it instead.
     *
     * @param forced the user's {@code --format}; otherwise detected from the content
     */
    static Optional<CompressedStream> open(Path file, Compression compression, Optional<ImportFormat> forced)
            throws IOException {
        return switch (compression) {
            case GZIP -> gzip(file, forced);
            case ZIP -> zipOfOne(file, forced);
            case NONE -> Optional.empty();
        };
    }

    private static Optional<CompressedStream> gzip(Path file, Optional<ImportFormat> forced) throws IOException {
        // Detection reads the head through a gunzip; a damaged head is empty here and reported by unpacking.
        Optional<ImportFormat> format = forced.isPresent() ? forced : FormatDetector.detect(file);
        if (format.isEmpty() || !STREAMED.contains(format.get())) {
            return Optional.empty();
        }
        String shown = ImportService.fileName(file);
        long packed = Files.size(file);
        ImportSource source = new ImportSource(file, shown, file.toAbsolutePath().toString(), packed,
                Optional.empty(), file);
        CompressedStream[] self = new CompressedStream[1];
        // The batch's SHA-256 is of the .gz as given: the hashed bytes are the file's, gunzipped after.
        HashingInput input = new HashingInput(() -> Files.newInputStream(file),
                raw -> self[0].capped(new GZIPInputStream(raw, BUFFER), raw, shown, packed),
                estimatedGunzippedSize(file, packed));
        self[0] = new CompressedStream(source, format.get(), input);
        return Optional.of(self[0]);
    }

    private static Optional<CompressedStream> zipOfOne(Path file, Optional<ImportFormat> forced) throws IOException {
        String archive = ImportService.fileName(file);
        ZipEntry only = null;
        try (ZipFile zip = CompressedFiles.openZip(file, archive)) {
            if (zip.size() > CompressedFiles.MAX_ENTRIES) {
                return Optional.empty();
            }
            List<ZipEntry> files = new ArrayList<>();
            for (ZipEntry entry : zip.stream().toList()) {
                if (!CompressedFiles.isSafeEntryName(entry.getName())) {
                    return Optional.empty(); // refused as a whole by the unpacking path, with its message
                }
                if (!entry.isDirectory() && !CompressedFiles.isClutter(entry.getName())) {
                    files.add(entry);
                }
            }
            if (files.size() != 1) {
                return Optional.empty();
            }
            only = files.get(0);
            if (only.getSize() > CompressedFiles.MAX_TOTAL_BYTES
                    || only.getSize() > 0 && CompressedFiles.isBomb(only.getSize(), only.getCompressedSize())) {
                return Optional.empty();
            }
        } catch (ImportFailure e) {
            return Optional.empty();
        }
        ZipEntry entry = only;
        String name = entry.getName();
        String shown = archive + "!" + name;
        long packed = entry.getCompressedSize();
        CompressedStream[] self = new CompressedStream[1];
        // An entry's batch describes the entry: the hashed bytes are the entry's unpacked bytes.
        HashingInput.Opener plain = () -> self[0].capped(entryStream(file, archive, entry), null, shown, packed);
        self[0] = new CompressedStream(null, null, null);
        Optional<ImportFormat> format;
        try {
            format = forced.isPresent() ? forced : FormatDetector.detect(plain, name);
        } catch (IOException e) {
            return Optional.empty(); // damaged: unpacking names the problem
        }
        if (format.isEmpty() || !STREAMED.contains(format.get())) {
            return Optional.empty();
        }
        ImportSource source = new ImportSource(file, shown, file.toAbsolutePath() + "!" + name,
                Math.max(0, entry.getSize()), Optional.empty(), CompressedFiles.entryPath(file, name));
        CompressedStream stream = new CompressedStream(source, format.get(),
                new HashingInput(plain, in -> in, Math.max(1, entry.getSize())));
        self[0] = stream;
        return Optional.of(stream);
    }

    /** An entry's bytes; closing the stream closes the archive. */
    private static InputStream entryStream(Path file, String archive, ZipEntry entry) throws IOException {
        ZipFile zip;
        try {
            zip = CompressedFiles.openZip(file, archive);
        } catch (ImportFailure e) {
            throw new ZipException(e.problem().message());
        }
        try {
            ZipEntry e = zip.getEntry(entry.getName());
            if (e == null) {
                throw new ZipException("entry " + entry.getName() + " is gone");
            }
            return new FilterInputStream(zip.getInputStream(e)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * The gunzipped size for progress: the gzip trailer's ISIZE (RFC 1952: the size modulo 2^32), raised by
     * multiples of 4 GiB until it is at least the compressed size.
     */
    private static long estimatedGunzippedSize(Path file, long packed) throws IOException {
        if (packed < 18) {
            return Math.max(1, packed);
        }
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.position(packed - 4);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read the four bytes
            }
            long size = b.flip().remaining() == 4 ? b.getInt() & 0xFFFFFFFFL : packed;
            while (size < packed) {
                size += 1L << 32;
            }
            return size;
        }
    }

    /**
     * Counts the plain bytes as they stream and stops at a cap; records why the stream stopped. At the end
     * of a gunzip, reads what follows the gzip trailer in {@code rest} so that the SHA-256 covers the whole
     * file as given.
     */
    private InputStream capped(InputStream plain, InputStream rest, String shown, long packedSize) {
        return new FilterInputStream(plain) {
            private long produced;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n <= 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n;
                try {
                    n = super.read(b, off, len);
                } catch (EOFException | ZipException e) {
                    failure = CompressedFiles.damaged(shown, e).problem();
                    throw e;
                }
                if (n < 0) {
                    if (rest != null) {
                        rest.transferTo(OutputStream.nullOutputStream());
                    }
                    return n;
                }
                produced += n;
                if (produced > CompressedFiles.MAX_TOTAL_BYTES) {
                    failure = CompressedFiles.tooLarge(shown).problem();
                    throw new IOException(failure.message());
                }
                if (CompressedFiles.isBomb(produced, packedSize)) {
                    failure = CompressedFiles.bomb(shown).problem();
                    throw new IOException(failure.message());
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                int len = (int) Math.min(Math.max(n, 0), 8192);
                return Math.max(0, read(new byte[len], 0, len));
            }
        };
    }
}
