package org.santeatlas.importers.pull;

/** Which org units a pull covers below the one chosen. */
public enum OrgUnitScope {
    /** The org unit alone. */
    SELF,
    /** The org unit and its children ({@code --children}). */
    CHILDREN,
    /** The org unit and its whole subtree ({@code --descendants}). */
    DESCENDANTS
}
