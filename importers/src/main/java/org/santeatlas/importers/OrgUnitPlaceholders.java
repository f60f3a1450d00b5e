package org.santeatlas.importers;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.santeatlas.core.store.Uids;

/**
 * {@code --create-missing} for the importers that resolve org units through an {@link OrgUnitLookup}
 * (survey values, climate aggregates): an org unit the workspace does not know becomes a placeholder row
 * ({@code PLACEHOLDER = TRUE}) that a later metadata import completes, as {@code DataValueWriter} does for
 * DHIS2 data values: a UID-shaped reference is its UID, any other its code (up to 100 characters) under a
 * new UID; the reference is its name. Each placeholder is reported once, on the line that first named it,
 * with its count of values (the same {@code import.placeholderOrgUnit} message).
 *
 * <p>The import's thread.
 */
public final class OrgUnitPlaceholders {

    private static final class Entry {
        final String reference;
        final long firstLine;
        long values;

        Entry(String reference, long firstLine) {
            this.reference = reference;
            this.firstLine = firstLine;
        }
    }

    private final ImportContext context;
    private final OrgUnitLookup lookup;
    private final Map<String, Entry> byUid = new LinkedHashMap<>();

    public OrgUnitPlaceholders(ImportContext context, OrgUnitLookup lookup) {
        this.context = context;
        this.lookup = lookup;
    }

    /** Whether the user asked for placeholders ({@link ImportOptions#createMissing()}). */
    public boolean enabled() {
        return context.options().createMissing();
    }

    /** Creates the placeholder for an unknown, non-blank reference; its values are {@link #counted} as they are kept. */
    public OrgUnitLookup.OrgUnit create(String reference, long line) throws SQLException {
        String ref = reference.trim();
        boolean asUid = Uids.isUid(ref);
        String uid = asUid ? ref : Uids.generate();
        String code = !asUid && ref.length() <= 100 ? ref : null;
        String name = ref.length() <= 230 ? ref : ref.substring(0, 230);
        int id;
        try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO ORG_UNIT(UID, CODE, NAME,"
                + " PLACEHOLDER, BATCH_ID) VALUES (?, ?, ?, TRUE, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, uid);
            insert.setString(2, code);
            insert.setString(3, name);
            insert.setInt(4, context.batchId());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getInt(1);
            }
        }
        OrgUnitLookup.OrgUnit ou = new OrgUnitLookup.OrgUnit(id, uid);
        lookup.add(ou, code, name);
        byUid.put(uid, new Entry(ref, line));
        return ou;
    }

    /** Counts a value kept under an org unit, when that org unit is one of our placeholders. */
    public void counted(String uid) {
        if (!byUid.isEmpty()) {
            Entry e = byUid.get(uid);
            if (e != null) {
                e.values++;
            }
        }
    }

    /** Reports each placeholder once: the reference, its first line, its count of values. */
    public void report() {
        for (Entry e : byUid.values()) {
            String n = String.valueOf(e.values);
            context.report(e.firstLine, 0, "import.placeholderOrgUnit", "unknown org unit '" + e.reference
                    + "' kept under a placeholder (" + n + " value(s))", e.reference, n);
        }
        byUid.clear();
    }

    /** Placeholders created so far (for tests and reports). */
    public int size() {
        return byUid.size();
    }
}
