package org.santeatlas.core.workspace;

/** How a workspace is opened. A read-only workspace is never written, not even migrated. */
public enum AccessMode {
    READ_WRITE,
    READ_ONLY
}
