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

    private final Path file;
    private final ConcurrentLinkedQueue<byte[]> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final ReentrantLock hashing = new ReentrantLock();
    private MessageDigest digest;
    private volatile boolean complete;
    private int opened;

    HashingInput(Path file) {
        this.file = file;
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
        return new FilterInputStream(Files.newInputStream(file)) {
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
        };
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
