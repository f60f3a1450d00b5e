package org.santeatlas.importers.dhis2;

/**
 * Canonical strings for the identifiers a data value file repeats millions of times (UIDs, periods,
 * user names), looked up from the parser's character buffer so that a repeat allocates nothing and
 * keeps its cached hash code. Only for few distinct strings: a table that outgrows the CPU cache
 * costs more than it saves (timestamps and values are read as plain strings). Bounded: past {@link #MAX_ENTRIES} distinct strings, or for long text, a new
 * string is simply made.
 */
final class StringPool {

    static final int MAX_ENTRIES = 1 << 20;
    private static final int MAX_LENGTH = 48;

    private String[] table = new String[1 << 12];
    private int size;

    String get(char[] chars, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + chars[i];
        }
        h ^= h >>> 16;
        int mask = table.length - 1;
        int slot = h & mask;
        while (true) {
            String s = table[slot];
            if (s == null) {
                String made = new String(chars, offset, length);
                if (size < MAX_ENTRIES) {
                    table[slot] = made;
                    if (++size * 2 > table.length) {
                        rehash();
                    }
                }
                return made;
            }
            if (matches(s, chars, offset, length)) {
                return s;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean matches(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        String[] old = table;
        table = new String[old.length * 2];
        int mask = table.length - 1;
        for (String s : old) {
            if (s != null) {
                int h = s.hashCode();
                h ^= h >>> 16;
                int slot = h & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = s;
            }
        }
    }
}
