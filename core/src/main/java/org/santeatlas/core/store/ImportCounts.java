package org.santeatlas.core.store;

/**
 * What an import did, per record: created (new key), updated (changed), unchanged (identical to what
 * the workspace held), deleted (a DHIS2 {@code deleted: true} or empty value removed it) and rejected
 * (could not be stored; each rejection has a {@link Problem}).
 */
public final class ImportCounts {
    private long created;
    private long updated;
    private long unchanged;
    private long deleted;
    private long rejected;

    public void created() {
        created++;
    }

    public void updated() {
        updated++;
    }

    public void unchanged() {
        unchanged++;
    }

    public void deleted() {
        deleted++;
    }

    public void rejected() {
        rejected++;
    }

    public void add(ImportCounts other) {
        created += other.created;
        updated += other.updated;
        unchanged += other.unchanged;
        deleted += other.deleted;
        rejected += other.rejected;
    }

    public long createdCount() {
        return created;
    }

    public long updatedCount() {
        return updated;
    }

    public long unchangedCount() {
        return unchanged;
    }

    public long deletedCount() {
        return deleted;
    }

    public long rejectedCount() {
        return rejected;
    }

    public long total() {
        return created + updated + unchanged + deleted + rejected;
    }

    /** Whether the import changed anything in the workspace. */
    public boolean changedAnything() {
        return created + updated + deleted > 0;
    }

    @Override
    public String toString() {
        return "created " + created + ", updated " + updated + ", unchanged " + unchanged + ", deleted " + deleted
                + ", rejected " + rejected;
    }
}
