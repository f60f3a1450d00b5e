package org.santeatlas.importers.dhis2;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.santeatlas.core.text.NameKey;

/**
 * Which column of a DHIS2 analytics table holds what, told by its header. DHIS2's analytics grid
 * ({@code api/analytics}, which the Data Visualizer's "Download → Plain data source" saves as CSV or
 * Excel) names its columns by the headers' {@code column} text — "Data", "Period", "Organisation unit",
 * "Category option combo", "Value", in the user's language ("Données", "Période", "Unité
 * d'organisation", "Valeur") — or by their short {@code name} ({@code dx}, {@code pe}, {@code ou},
 * {@code co}, {@code ao}, {@code value}). A column may say what its cells are: "Data ID", "Period ID",
 * "Organisation unit ID" hold identifiers, "… name" (or "nom …") names, "… code" codes; a plain column
 * holds whatever identifier scheme the download used (ID, code or name), told value by value.
 *
 * <p>Columns of other kinds (the org unit hierarchy levels a download may add, numerator and
 * denominator) are ignored.
 */
public final class AnalyticsLayout {

    /** The analytics dimensions SantéAtlas stores, and the value. */
    public enum Role { DX, PE, OU, CO, AO, VALUE }

    /** What a column's cells are. */
    public enum Kind { ID, NAME, CODE, ANY }

    /** A column: its index and what it holds. */
    public record Column(int index, Kind kind) {
    }

    private static final Map<Role, Set<String>> NAMES = Map.of(
            Role.DX, Set.of("dx", "data", "donnees", "data item", "data element", "element de donnees", "indicator",
                    "indicateur", "data elements", "elements de donnees"),
            Role.PE, Set.of("pe", "period", "periode", "periods", "periodes"),
            Role.OU, Set.of("ou", "organisation unit", "organization unit", "org unit", "unite d organisation",
                    "unite organisationnelle", "organisation units", "unites d organisation"),
            Role.CO, Set.of("co", "category option combo", "category option combination", "categoryoptioncombo",
                    "combinaison d options de categorie", "combinaison d options de categories", "disaggregation",
                    "desagregation"),
            Role.AO, Set.of("ao", "attribute option combo", "attribute option combination", "attributeoptioncombo",
                    "combinaison d options d attribut"),
            Role.VALUE, Set.of("value", "valeur", "values", "valeurs"));

    private final Map<Role, Map<Kind, Integer>> columns;

    private AnalyticsLayout(Map<Role, Map<Kind, Integer>> columns) {
        this.columns = columns;
    }

    /**
     * The layout of a header when it is an analytics table: data, period, organisation unit and value
     * columns at least. Empty otherwise.
     */
    public static Optional<AnalyticsLayout> recognise(List<String> header) {
        AnalyticsLayout layout = of(header);
        return layout.has(Role.DX) && layout.has(Role.PE) && layout.has(Role.OU) && layout.has(Role.VALUE)
                ? Optional.of(layout) : Optional.empty();
    }

    /** The columns of a header that play a role, whatever is missing. */
    public static AnalyticsLayout of(List<String> header) {
        Map<Role, Map<Kind, Integer>> columns = new EnumMap<>(Role.class);
        for (int c = 0; c < header.size(); c++) {
            String key = NameKey.of(header.get(c).replace("\uFEFF", ""));
            Kind kind = Kind.ANY;
            if (key.endsWith(" id") || key.endsWith(" uid") || key.startsWith("id ")) {
                kind = Kind.ID;
                key = key.endsWith(" uid") ? key.substring(0, key.length() - 4)
                        : key.startsWith("id ") ? key.substring(3) : key.substring(0, key.length() - 3);
            } else if (key.endsWith(" name") || key.endsWith(" nom") || key.startsWith("nom ")) {
                kind = Kind.NAME;
                key = key.startsWith("nom ") ? key.substring(4) : key.substring(0, key.lastIndexOf(' '));
            } else if (key.endsWith(" code")) {
                kind = Kind.CODE;
                key = key.substring(0, key.length() - 5);
            } else if (key.startsWith("code ")) {
                kind = Kind.CODE;
                key = key.substring(5);
            }
            key = key.replaceAll("^(de l |de la |du |des |de )", "");
            for (Map.Entry<Role, Set<String>> role : NAMES.entrySet()) {
                if (role.getValue().contains(key) && (role.getKey() != Role.VALUE || kind == Kind.ANY)) {
                    columns.computeIfAbsent(role.getKey(), r -> new EnumMap<>(Kind.class)).putIfAbsent(kind, c);
                }
            }
        }
        return new AnalyticsLayout(columns);
    }

    public boolean has(Role role) {
        return columns.containsKey(role);
    }

    /** The column of a role holding a kind of cell. */
    public Optional<Integer> column(Role role, Kind kind) {
        Map<Kind, Integer> byKind = columns.get(role);
        return byKind == null ? Optional.empty() : Optional.ofNullable(byKind.get(kind));
    }
}
