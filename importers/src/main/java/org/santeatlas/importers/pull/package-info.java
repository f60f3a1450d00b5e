/**
 * {@code santeatlas pull}: fetching metadata, data values and complete registrations from a live DHIS2
 * server into a workspace, in chunks that resume after a lost connection and, once done, are asked again
 * only for what changed (DHIS2's {@code lastUpdated}). Every download lands in a private temporary file
 * and is then imported through {@link org.santeatlas.importers.ImportService}, so that a pull and a file
 * import of the same data store the same thing.
 */
package org.santeatlas.importers.pull;
