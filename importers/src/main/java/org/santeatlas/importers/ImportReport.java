package org.santeatlas.importers;

/**
 * A structured account of one import beyond its counts and problems, for the CLI and the app to show:
 * e.g. how the features of a boundary file matched org units. Immutable.
 */
public interface ImportReport {
}
