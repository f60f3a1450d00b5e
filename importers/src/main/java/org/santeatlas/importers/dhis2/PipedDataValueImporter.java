package org.santeatlas.importers.dhis2;

import java.io.IOException;
import java.nio.file.Files;
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
 */
abstract class PipedDataValueImporter implements Importer {

    @Override
    public final void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        try (DataValueWriter writer = new DataValueWriter(context.connection(), context.batchId(),
                context.displayName(), context.problems(), context.dataValueOptions())) {
            long size = Files.size(context.file());
            long records = 0;
            try (RecordPipe<RawDataValue> pipe = new RecordPipe<RawDataValue>("santeatlas-" + format().id(),
                    out -> parse(context, out)).whileWaiting(context.idleWork())) {
                for (RawDataValue v = pipe.next(); v != null; v = pipe.next()) {
                    writer.add(v);
                    if (++records % 65_536 == 0) {
                        context.progress().update(Math.min(pipe.position(), size), size, records);
                    }
                }
            }
            context.counts().add(writer.finish());
            context.progress().update(size, size, records);
        }
    }

    /** Reads the file (through {@code context.open()}) and emits every value in file order. Parser thread. */
    abstract void parse(ImportContext context, RecordPipe.Emitter<RawDataValue> out) throws ImportFailure, IOException;
}
