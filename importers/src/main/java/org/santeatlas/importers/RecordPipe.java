package org.santeatlas.importers;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Parses a file on a second thread while the import's thread stores what it parsed: on two cores the
 * JSON parse and the resolving/sorting of values overlap. Records travel in batches through a small
 * bounded queue (so memory stays flat); a failure of the parser reaches the import's thread as the
 * exception it was. Closing the pipe stops the parser.
 *
 * @param <T> the record type
 */
public final class RecordPipe<T> implements AutoCloseable {

    /** The parsing side: emits records, may fail with what an importer may throw. */
    @FunctionalInterface
    public interface Producer<T> {
        void produce(Emitter<T> out) throws ImportFailure, IOException;
    }

    /** Where the parser puts records; {@link #position(long)} reports how far it has read. */
    public static final class Emitter<T> {
        private final RecordPipe<T> pipe;
        private Object[] batch = new Object[BATCH];
        private int size;

        private Emitter(RecordPipe<T> pipe) {
            this.pipe = pipe;
        }

        public void emit(T record) throws IOException {
            batch[size++] = record;
            if (size == BATCH) {
                flush();
            }
        }

        public void position(long bytesRead) {
            pipe.position = bytesRead;
        }

        void flush() throws IOException {
            if (size > 0) {
                Object[] full = size == BATCH ? batch : java.util.Arrays.copyOf(batch, size);
                pipe.put(full);
                batch = new Object[BATCH];
                size = 0;
            }
        }
    }

    private static final int BATCH = 2048;
    private static final Object[] END = new Object[0];

    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(32);
    private final Thread thread;
    private volatile boolean closed;
    private volatile long position;
    private volatile Throwable failure;
    private Object[] current = new Object[0];
    private int next;
    private boolean ended;

    /** Work the consuming thread does while it would otherwise wait for the parser. */
    private Runnable idle = () -> { };

    /** Sets what the consuming thread does while it waits for records (e.g. hashing the file). */
    public RecordPipe<T> whileWaiting(Runnable work) {
        this.idle = work;
        return this;
    }

    public RecordPipe(String name, Producer<T> producer) {
        thread = new Thread(() -> {
            Emitter<T> out = new Emitter<>(this);
            try {
                producer.produce(out);
                out.flush();
            } catch (Throwable t) {
                failure = t;
            } finally {
                try {
                    put(END);
                } catch (IOException ignored) {
                    // closed by the consumer: nobody is waiting for the end any more
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The next record, or null at the end. Rethrows the parser's failure once the records before it
     * have been taken, so that an import stores nothing from a file that turns out malformed (the
     * caller rolls back).
     */
    @SuppressWarnings("unchecked")
    public T next() throws ImportFailure, IOException {
        while (next == current.length) {
            if (ended) {
                return null;
            }
            try {
                current = queue.poll();
                while (current == null) {
                    idle.run();
                    current = queue.poll(200, TimeUnit.MICROSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("import cancelled");
            }
            next = 0;
            if (current == END) {
                ended = true;
                current = new Object[0];
                rethrow();
                return null;
            }
        }
        return (T) current[next++];
    }

    /** Bytes of the file the parser has read so far (for progress). */
    public long position() {
        return position;
    }

    private void rethrow() throws ImportFailure, IOException {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (t instanceof ImportFailure f) {
            throw f;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    private void put(Object[] batch) throws IOException {
        try {
            while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new java.io.InterruptedIOException("the import stopped reading");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("parser interrupted");
        }
    }

    /** Stops the parser (if still running) and waits for it. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
