package org.santeatlas.importers;

/**
 * Progress of one import, in bytes of the file read and records seen. Called on the import's thread,
 * possibly often: listeners that update a UI throttle themselves.
 */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (bytesRead, totalBytes, records) -> { };

    void update(long bytesRead, long totalBytes, long records);
}
