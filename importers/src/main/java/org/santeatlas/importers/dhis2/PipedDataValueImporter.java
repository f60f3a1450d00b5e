package org.santeatlas.importers.dhis2;

import java.io.IOException;
import java.sql.SQLException;
import org.santeatlas.core.store.DataValueWriter;
import org.santeatlas.core.store.RawDataValue;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.Importer;
import org.santeatlas.importers.RecordPipe;

/**
 * A data value format parsed on its own thread (see {@link RecordPipe}) while the import's thread
 * resolves, sorts and stores the values: on two cores the parse and the store overlap.
 *
 * <p>The parser emits records of type {@code R}; the import's thread turns each into a {@link RawDataValue}
 * ({@link #resolve}), which is where a format that needs the workspace's metadata to name a value (ADX's
 * category attributes) looks it up. Formats whose records are data values already resolve to themselves.
 *
 * @param <R> what the parser emits
 */
abstract class PipedDataValueImporter<R> implements Importer {

    @Override
    public final void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        try (DataValueWriter writer = new DataValueWriter(context.connection(), context.batchId(),
                context.displayName(), context.problems(), writerOptions(context))) {
            prepare(context);
            long size = Math.max(1, context.plainSize());
            long records = 0;
            try (RecordPipe<R> pipe = new RecordPipe<R>("santeatlas-" + format().id(),
                    out -> parse(context, out)).whileWaiting(context.idleWork())) {
                for (R r = pipe.next(); r != null; r = pipe.next()) {
                    RawDataValue v = resolve(context, r);
                    if (v != null) {
                        writer.add(v);
                    }
                    if (++records % 65_536 == 0) {
                        context.progress().update(Math.min(pipe.position(), size), size, records);
                    }
                }
            }
            beforeFinish(context);
            context.counts().add(writer.finish());
            context.progress().update(size, size, records);
        } finally {
            release();
        }
    }

    /** How the writer resolves and checks values: the user's options, strict (raw DHIS2 data). */
    DataValueWriter.Options writerOptions(ImportContext context) {
        return context.dataValueOptions();
    }

    /** After the last record, before the writer stores the values and reports its problems. Import thread. */
    void beforeFinish(ImportContext context) throws SQLException {
        // Nothing by default.
    }

    /** Releases what {@link #resolve} opened, on every path. Import thread. */
    void release() throws SQLException {
        // Nothing by default.
    }

    /** Reads what the format needs from the workspace, before the parser starts. Import thread. */
    void prepare(ImportContext context) throws SQLException {
        // Nothing by default.
    }

    /** Reads the file (through {@code context.open()}) and emits every record in file order. Parser thread. */
    abstract void parse(ImportContext context, RecordPipe.Emitter<R> out) throws ImportFailure, IOException;

    /**
     * The data value a record states, or null when the record cannot be one; then this method has reported
     * the problem and counted the rejection. Import thread, in file order.
     */
    abstract RawDataValue resolve(ImportContext context, R record) throws SQLException, ImportFailure;
}
