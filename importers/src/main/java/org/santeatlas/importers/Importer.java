package org.santeatlas.importers;

import java.io.IOException;
import java.sql.SQLException;

/** One importer per format. Reads the file as a stream and upserts into the workspace. */
public interface Importer {

    ImportFormat format();

    /**
     * Imports the file within the caller's transaction, counting into {@code context.counts()}.
     *
     * @throws ImportFailure when the file as a whole is unreadable; the caller rolls back
     */
    void run(ImportContext context) throws ImportFailure, IOException, SQLException;
}
