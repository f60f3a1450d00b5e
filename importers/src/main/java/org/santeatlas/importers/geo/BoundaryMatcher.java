package org.santeatlas.importers.geo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.santeatlas.core.text.NameKey;

/**
 * Matches boundary features to the workspace's org units: by code (ORG_UNIT.CODE, or UID) first, else by
 * name ({@link NameKey}: case, accents and punctuation do not count; "District sanitaire de Kollo",
 * "DS Kollo" and "KOLLO" all meet, names being compared also without their administrative prefixes).
 *
 * <p>A name that several org units share (a region and the district of its capital, two communes) is
 * settled by the file's level: the level most unambiguous matches are on (files hold one level), then by
 * the feature's other values naming the candidate's parent (HDX's {@code ADM1_FR} beside {@code ADM2_FR}).
 * A unique name match on another level than the file's is not trusted either. What stays unsettled is
 * ambiguous; an org unit already taken by an earlier feature of the file is not attached twice.
 *
 * <p>Holds the org units' keys in memory (a few thousand rows); the import's thread.
 */
final class BoundaryMatcher {

    enum By { CODE, NAME }

    /** An org unit as matching sees it. */
    record Unit(int id, String uid, String code, String name, int level, Set<String> parentKeys) {
    }

    /**
     * What a feature says about itself: its codes and names in order of preference, its other values, and
     * the org unit level its columns suggest (HDX's {@code ADM2_FR}, geoBoundaries' {@code shapeType: ADM2}:
     * admin level 2 below the country, DHIS2 level 3), 0 when they suggest none.
     */
    record Keys(int number, String label, List<String> codes, List<String> names, Set<String> context,
                int levelHint) {
    }

    /** The outcome for one feature. */
    sealed interface Decision permits Attach, Ambiguous, Unmatched {
    }

    record Attach(Unit unit, By by) implements Decision {
    }

    /** @param candidates the org units it could be; the one another feature of the file already took */
    record Ambiguous(List<Unit> candidates, String reason) implements Decision {
    }

    record Unmatched() implements Decision {
    }

    /**
     * Administrative prefixes stripped for the second try, as {@link NameKey} spells them (longest first):
     * DHIS2/SNIS names in the Sahel ("District sanitaire de …", "Région de …", "Aire de santé de …") and
     * the short forms ("DS …", "AS …").
     */
    private static final List<String> PREFIXES = List.of(
            "district sanitaire de ", "district sanitaire du ", "district sanitaire des ", "district sanitaire d ",
            "district sanitaire ", "district de sante de ", "district de sante d ", "district de sante ",
            "district de ", "district du ", "district d ", "district ", "ds ",
            "direction regionale de la sante de ", "direction regionale de la sante du ", "drs ",
            "region sanitaire de ", "region sanitaire du ", "region sanitaire d ", "region sanitaire ",
            "region de ", "region du ", "region des ", "region d ", "region ",
            "aire de sante de ", "aire de sante du ", "aire de sante des ", "aire de sante d ", "aire de sante ",
            "as ", "zone de sante de ", "zone de sante ", "province de ", "province du ", "province d ",
            "province ", "prefecture de ", "prefecture d ", "prefecture ", "departement de ", "departement du ",
            "departement d ", "departement ", "cercle de ", "cercle d ", "cercle ", "commune urbaine de ",
            "commune rurale de ", "commune de ", "commune d ", "commune ");

    private final Map<String, List<Unit>> byCode = new HashMap<>();
    private final Map<String, List<Unit>> byName = new HashMap<>();
    private final Map<String, List<Unit>> byStripped = new HashMap<>();

    private BoundaryMatcher() {
    }

    /** Loads every org unit's code, UID, names and parent names. */
    static BoundaryMatcher load(Connection c) throws SQLException {
        BoundaryMatcher m = new BoundaryMatcher();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT O.ID, O.UID, O.CODE, O.NAME, O.SHORT_NAME, COALESCE(O.LEVEL, 0),"
                     + " P.NAME, P.SHORT_NAME FROM ORG_UNIT O LEFT JOIN ORG_UNIT P ON P.ID = O.PARENT_ID")) {
            while (rs.next()) {
                Set<String> parentKeys = new LinkedHashSet<>();
                for (String parent : new String[] {rs.getString(7), rs.getString(8)}) {
                    if (parent != null) {
                        parentKeys.add(NameKey.of(parent));
                        parentKeys.add(strip(NameKey.of(parent)));
                    }
                }
                parentKeys.remove("");
                Unit u = new Unit(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(6),
                        Set.copyOf(parentKeys));
                add(m.byCode, codeKey(u.uid()), u);
                if (u.code() != null) {
                    add(m.byCode, codeKey(u.code()), u);
                }
                for (String name : new String[] {rs.getString(4), rs.getString(5)}) {
                    if (name != null) {
                        add(m.byName, NameKey.of(name), u);
                        add(m.byStripped, strip(NameKey.of(name)), u);
                    }
                }
            }
        }
        return m;
    }

    private static void add(Map<String, List<Unit>> index, String key, Unit u) {
        if (key.isEmpty()) {
            return;
        }
        List<Unit> list = index.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(u)) {
            list.add(u);
        }
    }

    /** Decides every feature of a file at once, since the file's level comes from all of them. */
    Map<Integer, Decision> decide(List<Keys> features) {
        record Found(Keys keys, By by, List<Unit> candidates) {
        }
        List<Found> found = new ArrayList<>();
        Map<Integer, Integer> unique = new HashMap<>();
        Map<Integer, Integer> possible = new HashMap<>();
        Map<Integer, Integer> hints = new HashMap<>();
        for (Keys k : features) {
            FoundKeys f = lookup(k);
            found.add(f == null ? new Found(k, null, List.of()) : new Found(k, f.by(), f.candidates()));
            if (f != null && f.candidates().size() == 1) {
                unique.merge(f.candidates().get(0).level(), 1, Integer::sum);
            }
            if (f != null) {
                f.candidates().stream().map(Unit::level).distinct().forEach(l -> possible.merge(l, 1, Integer::sum));
            }
            if (k.levelHint() > 0) {
                hints.merge(k.levelHint(), 1, Integer::sum);
            }
        }
        int hint = hints.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
        // The file's level: where most features match one org unit only; failing that (in the Sahel a
        // region, its capital's district and the capital's health area often share one name), the level
        // most features could be on, the level the file's columns suggest, the level nearest the root.
        int level = 0;
        for (int l : possible.keySet()) {
            if (level == 0 || better(l, level, unique, possible, hint)) {
                level = l;
            }
        }
        this.level = level;
        Map<Integer, Decision> decisions = new HashMap<>();
        Map<Integer, Integer> taken = new HashMap<>();
        for (Found f : found) {
            Decision d;
            if (f.by() == null) {
                d = new Unmatched();
            } else {
                d = settle(f.keys(), f.by(), f.candidates(), level);
            }
            if (d instanceof Attach a) {
                Integer first = taken.putIfAbsent(a.unit().id(), f.keys().number());
                if (first != null) {
                    d = new Ambiguous(List.of(a.unit()), "already matched by feature " + first);
                }
            }
            decisions.put(f.keys().number(), d);
        }
        return decisions;
    }

    private int level;

    private static boolean better(int a, int b, Map<Integer, Integer> unique, Map<Integer, Integer> possible,
                                  int hint) {
        int c = Integer.compare(unique.getOrDefault(a, 0), unique.getOrDefault(b, 0));
        if (c == 0) {
            c = Integer.compare(possible.getOrDefault(a, 0), possible.getOrDefault(b, 0));
        }
        if (c == 0) {
            c = Boolean.compare(a == hint, b == hint);
        }
        return c == 0 ? a < b : c > 0;
    }

    /** The level most unambiguous matches were on in the last {@link #decide}, 0 when none. */
    int level() {
        return level;
    }

    private Decision settle(Keys k, By by, List<Unit> candidates, int level) {
        if (candidates.size() == 1) {
            Unit only = candidates.get(0);
            if (by == By.NAME && level != 0 && only.level() != level) {
                return new Ambiguous(candidates, "only " + describe(candidates) + " has this name, on level "
                        + only.level() + " while the file's features match level " + level);
            }
            return new Attach(only, by);
        }
        List<Unit> onLevel = candidates.stream().filter(u -> u.level() == level).toList();
        List<Unit> narrowed = onLevel.isEmpty() ? candidates : onLevel;
        if (narrowed.size() > 1) {
            List<Unit> byParent = narrowed.stream()
                    .filter(u -> u.parentKeys().stream().anyMatch(k.context()::contains)).toList();
            if (!byParent.isEmpty()) {
                narrowed = byParent;
            }
        }
        if (narrowed.size() == 1 && (level == 0 || narrowed.get(0).level() == level)) {
            return new Attach(narrowed.get(0), by);
        }
        return new Ambiguous(narrowed, (by == By.CODE ? "code" : "name") + " shared by " + describe(narrowed));
    }

    private static String describe(List<Unit> units) {
        return units.stream().limit(5).map(u -> u.name() + " (" + u.uid() + ", level " + u.level() + ")")
                .collect(Collectors.joining("; ")) + (units.size() > 5 ? "; …" : "");
    }

    /** The candidates of the first code, else exact name, else stripped name that any org unit has. */
    private FoundKeys lookup(Keys k) {
        for (String code : k.codes()) {
            List<Unit> units = byCode.get(codeKey(code));
            if (units != null) {
                return new FoundKeys(By.CODE, units);
            }
        }
        // A name's candidates: org units of that name, and those whose name without its administrative
        // prefix is the name without its own ("Belgou" is both "Région de Belgou" and "DS Belgou"); the
        // level then chooses.
        for (String name : k.names()) {
            String key = NameKey.of(name);
            Set<Unit> units = new LinkedHashSet<>(byName.getOrDefault(key, List.of()));
            units.addAll(byStripped.getOrDefault(strip(key), List.of()));
            if (!units.isEmpty()) {
                return new FoundKeys(By.NAME, List.copyOf(units));
            }
        }
        return null;
    }

    private record FoundKeys(By by, List<Unit> candidates) {
    }

    /** Codes compare trimmed and ignoring case ("ne006" is "NE006"). */
    private static String codeKey(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    /** A {@link NameKey} without its administrative prefix ("district sanitaire de kollo" → "kollo"). */
    static String strip(String key) {
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }
}
