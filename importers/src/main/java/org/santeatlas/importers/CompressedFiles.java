package org.santeatlas.importers;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.santeatlas.core.store.Problem;

/**
 * Unpacks a gzipped file or a zip archive into a private temporary folder, so that every importer
 * reads a plain file as before (several of them read the path twice: delimiter sniffing, then parsing).
 * {@link #close()} deletes the folder; callers use try-with-resources so that it goes on every path,
 * failure and cancellation included.
 *
 * <p>A zip archive is checked as a whole before anything is unpacked: an entry whose name leaves the
 * archive ({@code ..}, an absolute path, a drive letter), more than {@link #MAX_ENTRIES} entries, or
 * declared sizes beyond the caps refuse the whole archive. The caps are enforced again while unpacking,
 * on the bytes actually produced, since declared sizes can lie. Unpacked files go into numbered
 * folders, one per base name, and are named by the entry's last name made safe, never by its path, so
 * no entry can write outside the folder.
 *
 * <p>Blocking; the import's thread. Interrupting it cancels the unpacking.
 */
final class CompressedFiles implements AutoCloseable {

    /** Unpacked bytes one gzipped file or archive may produce in total: well above a national export. */
    static final long MAX_TOTAL_BYTES = 8L << 30;

    /** Entries (files and folders) one archive may hold; a DHIS2 export holds a handful. */
    static final int MAX_ENTRIES = 10_000;

    /**
     * Zip bomb rule: an entry that unpacks to more than {@link #BOMB_MIN_BYTES} and more than
     * {@link #BOMB_RATIO} times its compressed size is refused. DHIS2 JSON and CSV exports compress
     * about 10 to 30 times; Apache POI's ZipSecureFile refuses beyond 100 times (min inflate ratio 0.01)
     * for any size; we allow twice that and only look at large entries, so small repetitive files pass.
     */
    static final long BOMB_RATIO = 200;
    static final long BOMB_MIN_BYTES = 100L << 20;

    private static final int BUFFER = 1 << 16;

    /** Entries that archivers add beside the files (macOS resource forks, Finder and Explorer caches). */
    static boolean isClutter(String name) {
        String n = name.replace('\\', '/');
        String last = n.substring(n.lastIndexOf('/') + 1);
        return n.startsWith("__MACOSX/") || last.startsWith("._") || last.equals(".DS_Store")
                || last.equalsIgnoreCase("Thumbs.db");
    }

    private final Path dir;
    private final List<ImportSource> sources = new ArrayList<>();
    private long total;

    private CompressedFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * Unpacks {@code file} into a new folder in {@code parent} (default: the system's temporary folder);
     * the sources are in the archive's entry order.
     *
     * @throws ImportFailure when the file is damaged, unsafe or too large, or the unpacking was cancelled;
     *                       nothing is left on disk then
     */
    static CompressedFiles unpack(Path file, Compression compression, Optional<Path> parent)
            throws ImportFailure, IOException {
        // On POSIX file systems createTempDirectory makes the folder rwx------, so other users cannot
        // read the unpacked health data; on Windows the user's temporary folder is already private.
        String prefix = "santeatlas-import-";
        CompressedFiles unpacked = new CompressedFiles(parent.isPresent()
                ? Files.createTempDirectory(parent.get(), prefix) : Files.createTempDirectory(prefix));
        try {
            switch (compression) {
                case GZIP -> unpacked.gunzip(file);
                case ZIP -> unpacked.unzip(file);
                case NONE -> throw new IllegalArgumentException("not compressed: " + file);
            }
            return unpacked;
        } catch (IOException e) {
            unpacked.close();
            if (Thread.currentThread().isInterrupted()) {
                throw cancelled(ImportService.fileName(file));
            }
            throw e;
        } catch (ImportFailure | RuntimeException e) {
            unpacked.close();
            throw e;
        }
    }

    List<ImportSource> sources() {
        return List.copyOf(sources);
    }

    private void gunzip(Path file) throws ImportFailure, IOException {
        String shown = ImportService.fileName(file);
        String inner = shown.replaceFirst("(?i)\\.(gz|gzip)$", "");
        Path target = dir.resolve("1-" + safeName(inner.isEmpty() ? "file" : inner));
        long packedSize = Files.size(file);
        MessageDigest digest = newDigest();
        // The batch records the SHA-256 of the .gz as given, hashed from the same read that unpacks it.
        try (InputStream raw = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER),
                digest)) {
            try {
                GZIPInputStream gz = new GZIPInputStream(raw, BUFFER);
                copy(gz, target, shown, packedSize);
            } catch (EOFException | ZipException e) {
                throw damaged(shown, e);
            }
            raw.transferTo(OutputStream.nullOutputStream()); // bytes after the gzip trailer count in the hash
        }
        sources.add(new ImportSource(target, shown, file.toAbsolutePath().toString(), packedSize,
                Optional.of(HexFormat.of().formatHex(digest.digest())), file));
    }

    private void unzip(Path file) throws ImportFailure, IOException {
        String archive = ImportService.fileName(file);
        try (ZipFile zip = openZip(file, archive)) {
            if (zip.size() > MAX_ENTRIES) {
                throw failure(archive, "import.archiveTooManyEntries",
                        "the archive holds more than " + MAX_ENTRIES + " entries; refused",
                        String.valueOf(MAX_ENTRIES));
            }
            // Every entry is checked before the first is unpacked.
            List<ZipEntry> files = new ArrayList<>();
            long declared = 0;
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (!isSafeEntryName(name)) {
                    throw failure(archive, "import.archiveUnsafeEntry", "the archive holds an entry named '" + name
                            + "' that points outside it; the archive was refused and nothing was unpacked", name);
                }
                if (entry.isDirectory() || isClutter(name)) {
                    continue;
                }
                if (entry.getSize() > 0 && isBomb(entry.getSize(), entry.getCompressedSize())) {
                    throw bomb(archive + "!" + name);
                }
                declared += Math.max(0, entry.getSize());
                if (declared > MAX_TOTAL_BYTES) {
                    throw tooLarge(archive);
                }
                files.add(entry);
            }
            if (files.isEmpty()) {
                throw failure(archive, "import.archiveEmpty", "the archive holds no file to import");
            }
            Map<String, Path> folders = new HashMap<>();
            for (ZipEntry entry : files) {
                String name = entry.getName();
                String shown = archive + "!" + name;
                String last = name.replace('\\', '/').substring(name.replace('\\', '/').lastIndexOf('/') + 1);
                Path target = groupFolder(folders, name).resolve(safeName(last));
                if (Files.exists(target)) {
                    // Names equal but for case on a case-insensitive file system: a folder of its own.
                    target = newFolder(folders.size() + 1).resolve(safeName(last));
                }
                MessageDigest digest = newDigest();
                long size;
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                    size = copy(in, target, shown, entry.getCompressedSize());
                } catch (EOFException | ZipException e) {
                    throw damaged(shown, e);
                }
                // An entry's batch describes the entry: its unpacked size and the SHA-256 of its bytes,
                // what `unzip -p archive.zip entry | sha256sum` shows.
                sources.add(new ImportSource(target, shown, file.toAbsolutePath() + "!" + name, size,
                        Optional.of(HexFormat.of().formatHex(digest.digest())), entryPath(file, name)));
            }
        }
    }

    /**
     * The folder an entry is unpacked into: one per entry path without its extensions, ignoring case, so
     * that the parts of a shapefile ({@code data/districts.shp}, {@code .dbf}, {@code .shx}, {@code .prj},
     * {@code .shp.xml}) land side by side under one base name, as the shapefile reader expects, while
     * entries of other names or folders never meet.
     */
    private Path groupFolder(Map<String, Path> folders, String entryName) throws IOException {
        String n = entryName.replace('\\', '/').toLowerCase(Locale.ROOT);
        int slash = n.lastIndexOf('/');
        int dot = n.indexOf('.', slash + 1);
        String stem = dot > slash + 1 ? n.substring(0, dot) : n;
        Path folder = folders.get(stem);
        if (folder == null) {
            folder = newFolder(folders.size() + 1);
            folders.put(stem, folder);
        }
        return folder;
    }

    private Path newFolder(int number) throws IOException {
        Path folder = dir.resolve(String.valueOf(number));
        for (int i = 2; Files.exists(folder); i++) {
            folder = dir.resolve(number + "-" + i);
        }
        return Files.createDirectory(folder);
    }

    /**
     * Opens the central directory. Names are UTF-8 when the archiver says so (flag bit 11); others are
     * read as IBM437, the zip format's own default, which older Windows archivers use; without that
     * charset in the runtime, Latin-1, which decodes any byte.
     */
    static ZipFile openZip(Path file, String archive) throws ImportFailure, IOException {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException utf8Failed) {
            Charset legacy = Charset.isSupported("IBM437") ? Charset.forName("IBM437") : StandardCharsets.ISO_8859_1;
            try {
                return new ZipFile(file.toFile(), legacy);
            } catch (ZipException e) {
                throw damaged(archive, e);
            }
        }
    }

    /**
     * Copies while counting: cancels on interruption and stops as soon as the bytes produced break a cap.
     * Returns the bytes written.
     */
    private long copy(InputStream in, Path target, String shown, long packedSize) throws ImportFailure, IOException {
        byte[] buffer = new byte[BUFFER];
        long written = 0;
        OutputStream out;
        try {
            out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw unpackFailed(shown, e);
        }
        try (out) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw cancelled(shown);
                }
                written += n;
                total += n;
                if (total > MAX_TOTAL_BYTES) {
                    throw tooLarge(shown);
                }
                if (isBomb(written, packedSize)) {
                    throw bomb(shown);
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw unpackFailed(shown, e);
                }
            }
        }
        return written;
    }

    static boolean isBomb(long unpacked, long packed) {
        return unpacked > BOMB_MIN_BYTES && (packed <= 0 || unpacked / packed > BOMB_RATIO);
    }

    /**
     * Whether an entry name stays inside the archive: relative, no {@code ..} segment (even one that
     * would normalise away: legitimate archivers never write one), no drive letter, no NUL.
     */
    static boolean isSafeEntryName(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            return false;
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.length() >= 2 && n.charAt(1) == ':') {
            return false;
        }
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** A name for the unpacked copy that any file system takes; the detector still sees its words. */
    private static String safeName(String name) {
        String s = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        if (s.length() > 100) {
            s = s.substring(s.length() - 100);
        }
        return s.isEmpty() || s.startsWith(".") ? "file" + s : s;
    }

    /** {@code archive.zip!entry}: names, does not exist (as in a jar: URL); the archive if unrepresentable. */
    static Path entryPath(Path archive, String entry) {
        try {
            return Path.of(archive + "!" + entry);
        } catch (InvalidPathException e) {
            return archive;
        }
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    p.toFile().deleteOnExit();
                }
            }
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static ImportFailure failure(String shown, String key, String message, String... args) {
        return new ImportFailure(Problem.of(shown, 0, 0, key, message, args));
    }

    private static ImportFailure cancelled(String shown) {
        return failure(shown, "import.cancelled", "import cancelled; the workspace is unchanged");
    }

    static ImportFailure damaged(String shown, IOException e) {
        return new ImportFailure(Problem.of(shown, 0, 0, "import.compressedDamaged",
                "the compressed file is damaged or cut short: " + e.getMessage(), String.valueOf(e.getMessage())), e);
    }

    static ImportFailure bomb(String shown) {
        return failure(shown, "import.archiveBomb", "unpacks to more than " + BOMB_RATIO
                + " times its compressed size; refused as a possible zip bomb", String.valueOf(BOMB_RATIO));
    }

    static ImportFailure tooLarge(String shown) {
        long gib = MAX_TOTAL_BYTES >> 30;
        return failure(shown, "import.archiveTooLarge", "unpacks to more than " + gib + " GiB; refused",
                String.valueOf(gib));
    }

    /** A write into the temporary folder failed: the disk is full, or the thread was interrupted. */
    private ImportFailure unpackFailed(String shown, IOException e) {
        if (Thread.currentThread().isInterrupted()) {
            return cancelled(shown);
        }
        return new ImportFailure(Problem.of(shown, 0, 0, "import.unpackFailed", "cannot unpack into the temporary"
                + " folder " + dir + ": " + e.getMessage(), dir.toString(), String.valueOf(e.getMessage())), e);
    }
}
