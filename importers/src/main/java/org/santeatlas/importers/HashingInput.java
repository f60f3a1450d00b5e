package org.santeatlas.importers;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Opens the file being imported and hashes it (SHA-256) as the importer reads it, so that a 500 MB
 * export is read once, not twice. The digest counts only when one stream read the file to its end;
 * otherwise the service hashes the file separately.
 *
 * <p>The reading thread only queues copies of what it read; {@link #hashPending()} feeds them to the
 * digest, in order, from whichever thread has time: the import's thread calls it while it waits for
 * the parser (see {@link RecordPipe}), which takes the hashing off the parse, the slower of the two.
 * When the queue grows past {@link #MAX_PENDING} chunks the reader hashes them itself.
 */
final class HashingInput {

    static final int MAX_PENDING = 256;

    /** Opens a stream of bytes; the hashed bytes, or the plain bytes decoded from them. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** Turns the hashed bytes into the plain bytes the importer reads (gunzips them, for a streamed .gz). */
    @FunctionalInterface
    interface Decoder {
        InputStream decode(InputStream hashed) throws IOException;
    }

    private final Opener raw;
    private final Decoder decoder;
    private final long plainSize;
    private final ConcurrentLinkedQueue<byte[]> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final ReentrantLock hashing = new ReentrantLock();
    private MessageDigest digest;
    private volatile boolean complete;
    private int opened;

    HashingInput(Path file) throws IOException {
        this(() -> Files.newInputStream(file), in -> in, Files.size(file));
    }

    /**
     * @param raw       the bytes the batch's SHA-256 is of (a plain file, a .gz as given, a zip entry's bytes)
     * @param decoder   from those to the plain bytes the importer reads
     * @param plainSize the plain bytes' size, exact or estimated (progress only)
     */
    HashingInput(Opener raw, Decoder decoder, long plainSize) {
        this.raw = raw;
        this.decoder = decoder;
        this.plainSize = plainSize;
    }

    /** The plain bytes' size, for progress: exact for a plain file, an estimate for a streamed .gz. */
    long plainSize() {
        return plainSize;
    }

    /** The plain bytes, not hashed: for a look at the head (charset, delimiter) before the real read. */
    InputStream openUnhashed() throws IOException {
        return decode(raw.open());
    }

    /** The SHA-256 of the hashed bytes, read afresh (when the importer did not read them whole, or twice). */
    String sha256() throws IOException {
        MessageDigest d = newDigest();
        try (InputStream in = raw.open()) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                d.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private InputStream decode(InputStream in) throws IOException {
        try {
            return decoder.decode(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    InputStream open() throws IOException {
        opened++;
        hashing.lock();
        try {
            pending.clear();
            pendingCount.set(0);
            digest = newDigest();
            complete = false;
        } finally {
            hashing.unlock();
        }
        return decode(new FilterInputStream(raw.open()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    complete = true;
                } else {
                    queue(new byte[] {(byte) b});
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n < 0) {
                    complete = true;
                } else if (n > 0) {
                    queue(Arrays.copyOfRange(buffer, offset, offset + n));
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // Skipped bytes would be missing from the digest: read them instead.
                return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
            }
        });
    }

    private void queue(byte[] chunk) {
        pending.add(chunk);
        if (pendingCount.incrementAndGet() > MAX_PENDING) {
            hashPending();
        }
    }

    /** Feeds the queued chunks to the digest; a no-op when another thread is already doing it. */
    void hashPending() {
        if (!hashing.tryLock()) {
            return;
        }
        try {
            drain();
        } finally {
            hashing.unlock();
        }
    }

    private void drain() {
        for (byte[] chunk = pending.poll(); chunk != null; chunk = pending.poll()) {
            pendingCount.decrementAndGet();
            digest.update(chunk);
        }
    }

    /** The file's SHA-256 if exactly one stream read it whole. */
    Optional<String> digestIfComplete() {
        hashing.lock();
        try {
            drain();
            return opened == 1 && complete ? Optional.of(HexFormat.of().formatHex(digest.digest())) : Optional.empty();
        } finally {
            hashing.unlock();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
