package org.santeatlas.importers;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Opens the file being imported and hashes it (SHA-256) while the importer reads it, so that a
 * 500 MB export is read once, not twice. The digest counts only when one stream read the file to its
 * end; otherwise the service hashes the file separately.
 */
final class HashingInput {

    private final Path file;
    private MessageDigest digest;
    private boolean complete;
    private int opened;

    HashingInput(Path file) {
        this.file = file;
    }

    InputStream open() throws IOException {
        opened++;
        MessageDigest d = newDigest();
        digest = d;
        complete = false;
        return new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    complete = true;
                } else {
                    d.update((byte) b);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n < 0) {
                    complete = true;
                } else {
                    d.update(buffer, offset, n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // Skipped bytes would be missing from the digest: read them instead.
                return super.read(new byte[(int) Math.min(n, 8192)]);
            }
        };
    }

    /** The file's SHA-256 if exactly one stream read it whole. */
    Optional<String> digestIfComplete() {
        return opened == 1 && complete ? Optional.of(HexFormat.of().formatHex(digest.digest())) : Optional.empty();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
