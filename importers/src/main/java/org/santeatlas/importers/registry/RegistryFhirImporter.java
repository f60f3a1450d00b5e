package org.santeatlas.importers.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.santeatlas.core.text.NameKey;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;
import org.santeatlas.importers.JsonFiles;

/**
 * A facility registry served as FHIR R4 the way IHE mCSD (Mobile Care Services Discovery) profiles it:
 * a JSON {@code Bundle} (searchset, collection, transaction or batch) whose entries hold {@code Location}
 * and {@code Organization} resources, or the same resources one per line (NDJSON, as a FHIR bulk export
 * writes them).
 *
 * <p>mCSD's shapes, which this importer follows:
 * <ul>
 * <li>a <b>facility</b> is a Location with the mCSD type {@code facility} (code system
 *     {@value #MCSD_TYPES}) or the physical type {@code bu} (building; also {@code si}, site), paired
 *     with an Organization through {@code managingOrganization};</li>
 * <li>a <b>jurisdiction</b> (country, region, district...) is a Location with the mCSD type
 *     {@code jurisdiction} or the physical type {@code jdn}; facilities and jurisdictions hang from
 *     jurisdictions through {@code partOf};</li>
 * <li>a Location with neither (many exports omit them) is a jurisdiction when another Location is
 *     {@code partOf} it, else a facility; Locations with another physical type (wards, rooms) are
 *     skipped.</li>
 * </ul>
 *
 * <p>Each facility becomes one registry record, in the same source and with the same upsert as the CSV
 * and GeoJSON registries ({@link RegistryUpsert}):
 * <ul>
 * <li>code: the identifier of a configured system, else of a system that says it is a facility code
 *     ({@code facility}, {@code mfl}, {@code hfr}, a {@code .../code} system, identifier type {@code FI}),
 *     else the first identifier, else the resource id;</li>
 * <li>name (else the first alias, else the organization's name), type (the first type coding that is
 *     not an mCSD marker: display, else code), status ({@code active | suspended | inactive} as written),
 *     ownership (the managing Organization's type, other than mCSD's and {@code prov}), coordinates
 *     from {@code position} (WGS 84 degrees);</li>
 * <li>region, district and health area: the facility's {@code partOf} jurisdictions, by their type when
 *     it says (country / pays, region / province, district, aire de santé / health area), else by depth
 *     (a bundle with a single root jurisdiction: the root is the country, then region, district, health
 *     area; with several roots, the roots are regions);</li>
 * <li>everything else that identifies or reaches the facility (resource id, identifiers, aliases,
 *     telecom, address, operational status, organization, jurisdiction path) in the attributes JSON.</li>
 * </ul>
 *
 * <p>The file is read twice, each time as a stream, one entry at a time: first for the jurisdictions,
 * organizations and each Location's place in the tree (small: identifiers, names and links), then for
 * the facilities, which are stored as they come. A transaction's {@code DELETE} requests are not applied
 * (reported), and a search page with a {@code next} link is reported as incomplete.
 */
public final class RegistryFhirImporter implements Importer {

    /** mCSD's code system for the facility and jurisdiction types of Locations and Organizations. */
    static final String MCSD_TYPES = "https://profiles.ihe.net/ITI/mCSD/CodeSystem/IHE.mCSD.Organization.Location.Types";

    /** HL7's Organization type codes; {@code prov} (healthcare provider) says nothing of ownership. */
    static final String ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";

    private static final Set<String> BUNDLE_TYPES = Set.of("searchset", "collection", "transaction", "batch");

    /** Identifier systems that name a facility code (a national master facility list, DHIS2's code). */
    private static final Pattern FACILITY_CODE_SYSTEM = Pattern.compile(
            "facilit|mfl|hfr|etablissement|formation.?sanitaire|/code$", Pattern.CASE_INSENSITIVE);

    /** REGISTRY_RECORD.CODE and NAME lengths (V1__workspace.sql). */
    private static final int MAX_CODE = 100;
    private static final int MAX_NAME = 230;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();

    /** Resources between progress reports and cancellation checks. */
    private static final int REPORT_EVERY = 1_000;

    private final Optional<String> codeSystem;

    public RegistryFhirImporter() {
        this(Optional.empty());
    }

    /** @param codeSystem the identifier system whose value is the facility code, when the user knows it */
    public RegistryFhirImporter(Optional<String> codeSystem) {
        this.codeSystem = codeSystem.map(RegistryFhirImporter::trimSlash);
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.REGISTRY_FHIR;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        Tree tree = new Tree();
        try (InputStream in = Files.newInputStream(context.file())) {
            read(context, in, new Sink() {
                @Override
                public void resource(Resource r) {
                    tree.collect(r);
                }

                @Override
                public void bundle(JsonNode bundle, long line) throws ImportFailure {
                    checkBundle(context, bundle, line);
                }

                @Override
                public void delete(String url, long line) {
                    context.report(line, 0, "import.fhirDeleteIgnored", "a DELETE request for " + url
                            + " is not applied: remove the facility from the registry by hand", url);
                }
            });
        }
        tree.finish();
        if (tree.facilityCount == 0) {
            throw new ImportFailure(context.problem(1, 0, "import.fhirNoFacility",
                    "no facility Location in the file (mCSD: a Location of type facility or physical type bu)"));
        }
        long size = Files.size(context.file());
        long[] facilities = {0};
        try (RegistryUpsert upsert = new RegistryUpsert(context); InputStream in = context.open()) {
            read(context, in, new Sink() {
                @Override
                public void resource(Resource r) throws SQLException, IOException {
                    if (r.type().equals("Location") && tree.isFacility(r)) {
                        store(context, upsert, tree, r);
                        if (++facilities[0] % REPORT_EVERY == 0) {
                            if (Thread.currentThread().isInterrupted()) {
                                throw new InterruptedIOException("import cancelled");
                            }
                            context.progress().update(Math.min(r.offset(), size), size, facilities[0]);
                        }
                    }
                }
            });
        }
        context.progress().update(size, size, facilities[0]);
    }

    // ---------------------------------------------------------------------------------------------
    // Reading: bundles and NDJSON as one stream of resources

    /** One Location or Organization as found in the file. */
    private record Resource(String type, JsonNode json, String fullUrl, String requestUrl, long line, long offset) {
    }

    private interface Sink {
        void resource(Resource r) throws ImportFailure, SQLException, IOException;

        default void bundle(JsonNode bundle, long line) throws ImportFailure {
        }

        default void delete(String url, long line) {
        }
    }

    /**
     * Reads every top-level JSON value of the file: a Bundle (its entries one at a time), or a resource
     * (NDJSON, or a file of one resource). Other resource types are skipped.
     */
    private static void read(ImportContext context, InputStream in, Sink sink) throws ImportFailure, IOException,
            SQLException {
        boolean any = false;
        try (JsonParser p = JSON.createParser(in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonLocation start = p.currentTokenLocation();
                if (t != JsonToken.START_OBJECT) {
                    throw notFhir(context, start);
                }
                if (any && p.currentTokenLocation().getLineNr() % REPORT_EVERY == 0
                        && Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("import cancelled");
                }
                any = true;
                ObjectNode root = MAPPER.createObjectNode();
                boolean entries = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken value = p.nextToken();
                    if (key.equals("entry") && value == JsonToken.START_ARRAY) {
                        entries = true;
                        readEntries(context, p, sink);
                    } else {
                        root.set(key, MAPPER.readTree(p));
                    }
                }
                if (p.currentToken() != JsonToken.END_OBJECT) {
                    throw JsonFiles.truncated(context, p.currentLocation());
                }
                String type = root.path("resourceType").asText("");
                if (type.equals("Bundle")) {
                    sink.bundle(root, start.getLineNr());
                } else if (entries || type.isEmpty()) {
                    throw notFhir(context, start);
                } else if (type.equals("Location") || type.equals("Organization")) {
                    sink.resource(new Resource(type, root, null, null, start.getLineNr(), start.getByteOffset()));
                }
            }
        } catch (JsonProcessingException e) {
            throw JsonFiles.malformed(context, e);
        }
        if (!any) {
            throw new ImportFailure(context.problem(1, 0, "import.emptyFile", "the file is empty"));
        }
    }

    private static void readEntries(ImportContext context, JsonParser p, Sink sink) throws ImportFailure,
            IOException, SQLException {
        long entries = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw JsonFiles.truncated(context, p.currentLocation());
            }
            if (++entries % REPORT_EVERY == 0 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("import cancelled");
            }
            JsonLocation at = p.currentTokenLocation();
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            JsonNode entry = MAPPER.readTree(p);
            JsonNode resource = entry.get("resource");
            String method = text(entry.path("request").get("method"));
            String url = text(entry.path("request").get("url"));
            if (resource == null || !resource.isObject()) {
                if ("DELETE".equalsIgnoreCase(method) && url != null) {
                    sink.delete(url, at.getLineNr());
                }
                continue;
            }
            String type = resource.path("resourceType").asText("");
            if (type.equals("Location") || type.equals("Organization")) {
                // The resource's own line, for messages: the entry's when the parser cannot tell.
                sink.resource(new Resource(type, resource, text(entry.get("fullUrl")), url, at.getLineNr(),
                        at.getByteOffset()));
            }
        }
    }

    /** A Bundle's type must be one a registry is served in; a search page with more pages is noted. */
    private static void checkBundle(ImportContext context, JsonNode bundle, long line) throws ImportFailure {
        String type = text(bundle.get("type"));
        if (type != null && !BUNDLE_TYPES.contains(type)) {
            throw new ImportFailure(context.problem(line, 0, "import.fhirBundleType", "a Bundle of type '" + type
                    + "' (searchset, collection, transaction or batch expected)", type));
        }
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(text(link.get("relation")))) {
                String url = String.valueOf(text(link.get("url")));
                context.report(line, 0, "import.fhirNextPage", "this is one page of a search; the next page ("
                        + url + ") is not in the file and was not imported", url);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The tree: jurisdictions, organizations and every Location's place

    private enum Kind { FACILITY, JURISDICTION, OTHER, UNCLASSIFIED }

    /** What the second pass needs of a Location: its links, kind and (jurisdictions) level. */
    private static final class Node {
        final String name;
        final String partOf;
        Kind kind;
        final Integer levelHint;
        int level = -1;

        Node(String name, String partOf, Kind kind, Integer levelHint) {
            this.name = name;
            this.partOf = partOf;
            this.kind = kind;
            this.levelHint = levelHint;
        }
    }

    private record Organization(String name, String ownership) {
    }

    private static final class Tree {
        /** Locations and organizations by "Type/id" (or their fullUrl when they have no id). */
        final Map<String, Node> locations = new HashMap<>();
        final Map<String, Organization> organizations = new HashMap<>();
        /** fullUrl → key, for references written as absolute URLs or urn:uuid (transactions). */
        final Map<String, String> aliases = new HashMap<>();
        int facilityCount;

        void collect(Resource r) {
            String key = key(r);
            if (key == null) {
                return;
            }
            if (r.fullUrl() != null && !r.fullUrl().equals(key)) {
                aliases.put(r.fullUrl(), key);
            }
            JsonNode json = r.json();
            if (r.type().equals("Organization")) {
                organizations.put(key, new Organization(text(json.get("name")), ownership(json)));
            } else {
                locations.put(key, new Node(text(json.get("name")), text(json.path("partOf").get("reference")),
                        kind(json), levelHint(json)));
            }
        }

        /** Settles unclassified Locations and the level of every jurisdiction. */
        void finish() {
            Set<Node> parents = new HashSet<>();
            for (Node n : locations.values()) {
                if (n.kind != Kind.OTHER) {
                    Node parent = location(n.partOf);
                    if (parent != null) {
                        parents.add(parent);
                    }
                }
            }
            for (Node n : locations.values()) {
                if (n.kind == Kind.UNCLASSIFIED) {
                    n.kind = parents.contains(n) ? Kind.JURISDICTION : Kind.FACILITY;
                }
            }
            List<Node> jurisdictions = locations.values().stream().filter(n -> n.kind == Kind.JURISDICTION).toList();
            Map<Node, Integer> depth = new HashMap<>();
            int roots = 0;
            for (Node j : jurisdictions) {
                int d = 0;
                Set<Node> seen = new HashSet<>();
                seen.add(j);
                for (Node up = location(j.partOf); up != null && up.kind == Kind.JURISDICTION && seen.add(up);
                     up = location(up.partOf)) {
                    d++;
                }
                depth.put(j, d);
                if (d == 0) {
                    roots++;
                }
            }
            int shift = roots > 1 ? 1 : 0;
            for (Node j : jurisdictions) {
                j.level = j.levelHint != null ? j.levelHint : depth.get(j) + shift;
            }
            facilityCount = (int) locations.values().stream().filter(n -> n.kind == Kind.FACILITY).count();
        }

        boolean isFacility(Resource r) {
            String key = key(r);
            Node n = key == null ? null : locations.get(key);
            return n != null && n.kind == Kind.FACILITY;
        }

        Node location(String reference) {
            String key = resolve(reference);
            return key == null ? null : locations.get(key);
        }

        Organization organization(String reference) {
            String key = resolve(reference);
            return key == null ? null : organizations.get(key);
        }

        private String resolve(String reference) {
            if (reference == null) {
                return null;
            }
            String alias = aliases.get(reference);
            return alias != null ? alias : referenceKey(reference);
        }
    }

    /** "Location/abc" for a resource: by its id, else its PUT url, else its fullUrl. */
    private static String key(Resource r) {
        String id = text(r.json().get("id"));
        if (id != null) {
            return r.type() + "/" + id;
        }
        String fromUrl = r.requestUrl() == null ? null : referenceKey(r.requestUrl());
        if (fromUrl != null && fromUrl.startsWith(r.type() + "/")) {
            return fromUrl;
        }
        return r.fullUrl();
    }

    /**
     * A reference as "Type/id": "Location/abc", "http://host/fhir/Location/abc/_history/2" → "Location/abc";
     * a urn:uuid as it is (transactions refer to entries by their fullUrl); null for a local "#id".
     */
    static String referenceKey(String reference) {
        String ref = reference.trim();
        if (ref.isEmpty() || ref.startsWith("#")) {
            return null;
        }
        if (ref.startsWith("urn:")) {
            return ref;
        }
        int query = ref.indexOf('?');
        if (query >= 0) {
            ref = ref.substring(0, query);
        }
        int history = ref.indexOf("/_history");
        if (history >= 0) {
            ref = ref.substring(0, history);
        }
        String[] parts = ref.split("/");
        if (parts.length < 2 || parts[parts.length - 1].isEmpty()) {
            return null;
        }
        return parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    /** Facility, jurisdiction, another kind of place (a ward, a room) or unclassified. */
    private static Kind kind(JsonNode location) {
        boolean facility = false;
        boolean jurisdiction = false;
        for (JsonNode concept : location.path("type")) {
            for (JsonNode coding : concept.path("coding")) {
                if (isMcsd(coding)) {
                    String code = text(coding.get("code"));
                    facility |= "facility".equals(code);
                    jurisdiction |= "jurisdiction".equals(code);
                }
            }
        }
        boolean physicalType = false;
        for (JsonNode coding : location.path("physicalType").path("coding")) {
            String code = text(coding.get("code"));
            if (code != null) {
                physicalType = true;
                facility |= code.equals("bu") || code.equals("si");
                jurisdiction |= code.equals("jdn");
            }
        }
        if (facility) {
            return Kind.FACILITY;
        }
        if (jurisdiction) {
            return Kind.JURISDICTION;
        }
        return physicalType ? Kind.OTHER : Kind.UNCLASSIFIED;
    }

    /** An mCSD type coding: its system, or no system and one of its two codes. */
    private static boolean isMcsd(JsonNode coding) {
        String system = text(coding.get("system"));
        if (system != null) {
            return trimSlash(system).equals(MCSD_TYPES);
        }
        String code = text(coding.get("code"));
        return "facility".equals(code) || "jurisdiction".equals(code);
    }

    /**
     * A jurisdiction's level when its types say it: 0 country, 1 region, 2 district, 3 health area.
     * ("zone de santé" is a district in some countries and a health area in others: left to the depth.)
     */
    private static Integer levelHint(JsonNode location) {
        for (JsonNode concept : location.path("type")) {
            List<String> texts = new ArrayList<>();
            texts.add(text(concept.get("text")));
            for (JsonNode coding : concept.path("coding")) {
                if (!isMcsd(coding)) {
                    texts.add(text(coding.get("display")));
                    texts.add(text(coding.get("code")));
                }
            }
            for (String t : texts) {
                if (t == null) {
                    continue;
                }
                String k = " " + NameKey.of(t) + " ";
                if (k.contains(" country ") || k.contains(" pays ") || k.contains(" national ")) {
                    return 0;
                }
                if (k.contains(" region ") || k.contains(" province ")) {
                    return 1;
                }
                if (k.contains(" district ")) {
                    return 2;
                }
                if (k.contains(" aire de sante ") || k.contains(" aire sante ") || k.contains(" health area ")) {
                    return 3;
                }
            }
        }
        return null;
    }

    /** An Organization's ownership: its first type coding that is neither mCSD's nor {@code prov}. */
    private static String ownership(JsonNode organization) {
        for (JsonNode concept : organization.path("type")) {
            for (JsonNode coding : concept.path("coding")) {
                String code = text(coding.get("code"));
                String system = text(coding.get("system"));
                if (isMcsd(coding) || "prov".equals(code) && (system == null
                        || trimSlash(system).equals(ORGANIZATION_TYPE))) {
                    continue;
                }
                String shown = text(coding.get("display"));
                if (shown != null || code != null) {
                    return shown != null ? shown : code;
                }
            }
            String t = text(concept.get("text"));
            if (t != null && !concept.path("coding").elements().hasNext()) {
                return t;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------
    // Storing one facility

    private void store(ImportContext context, RegistryUpsert upsert, Tree tree, Resource r) throws SQLException {
        JsonNode loc = r.json();
        String key = key(r);
        String code = code(loc);
        if (code == null) {
            String id = text(loc.get("id"));
            code = id != null ? id : key;
        }
        Organization org = tree.organization(text(loc.path("managingOrganization").get("reference")));
        String name = text(loc.get("name"));
        if (name == null) {
            name = loc.path("alias").isArray() && loc.path("alias").size() > 0 ? text(loc.path("alias").get(0)) : null;
        }
        if (name == null && org != null) {
            name = org.name();
        }
        if (name == null) {
            context.counts().rejected();
            context.report(r.line(), 0, "import.fhirMissingName", code + ": a facility Location without a name",
                    code);
            return;
        }
        if (code.length() > MAX_CODE || name.length() > MAX_NAME) {
            context.counts().rejected();
            String shown = code.length() > 40 ? code.substring(0, 40) + "…" : code;
            context.report(r.line(), 0, "import.fhirFieldTooLong", shown + ": a code longer than " + MAX_CODE
                    + " characters or a name longer than " + MAX_NAME, shown);
            return;
        }

        // The jurisdictions above, nearest first; each level filled by the nearest that has it.
        String[] places = new String[4];
        List<String> path = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        for (Node up = tree.location(text(loc.path("partOf").get("reference"))); up != null && seen.add(up);
             up = tree.location(up.partOf)) {
            if (up.kind == Kind.JURISDICTION && up.name != null) {
                path.add(0, up.name);
                if (up.level >= 1 && up.level <= 3 && places[up.level] == null) {
                    places[up.level] = up.name;
                }
            }
        }

        double[] latLon = position(context, loc.get("position"), code, r.line());
        ObjectNode attributes = attributes(loc, key, org, path);
        upsert.put(code, new RegistryUpsert.Fields(name, type(loc), text(loc.get("status")),
                org == null ? null : org.ownership(), places[1], places[2], places[3],
                latLon == null ? null : latLon[0], latLon == null ? null : latLon[1], attributes.toString()));
    }

    /** The facility code among the identifiers; null when there are none. */
    private String code(JsonNode loc) {
        List<JsonNode> identifiers = new ArrayList<>();
        for (JsonNode i : loc.path("identifier")) {
            if (text(i.get("value")) != null) {
                identifiers.add(i);
            }
        }
        if (codeSystem.isPresent()) {
            for (JsonNode i : identifiers) {
                String system = text(i.get("system"));
                if (system != null && trimSlash(system).equals(codeSystem.get())) {
                    return text(i.get("value"));
                }
            }
        }
        for (JsonNode i : identifiers) {
            String system = text(i.get("system"));
            if (system != null && FACILITY_CODE_SYSTEM.matcher(trimSlash(system)).find()) {
                return text(i.get("value"));
            }
            for (JsonNode coding : i.path("type").path("coding")) {
                // HL7 v2 table 0203: FI, facility identifier.
                if ("FI".equals(text(coding.get("code")))) {
                    return text(i.get("value"));
                }
            }
        }
        return identifiers.isEmpty() ? null : text(identifiers.get(0).get("value"));
    }

    /** The facility type: the first type coding that is not an mCSD marker (display, else code). */
    private static String type(JsonNode loc) {
        for (JsonNode concept : loc.path("type")) {
            boolean marker = false;
            for (JsonNode coding : concept.path("coding")) {
                if (isMcsd(coding)) {
                    marker = true;
                    continue;
                }
                String shown = text(coding.get("display"));
                String code = text(coding.get("code"));
                if (shown != null || code != null) {
                    return shown != null ? shown : code;
                }
            }
            String t = text(concept.get("text"));
            if (t != null && !marker) {
                return t;
            }
        }
        return null;
    }

    /**
     * {@code position} as [latitude, longitude] in WGS 84 degrees (FHIR R4 Location.position: decimals,
     * "as used by KML"); null without a position, and null with a report when it is unreadable or out of
     * range (the facility is kept without a location).
     */
    private static double[] position(ImportContext context, JsonNode position, String code, long line) {
        if (position == null || position.isNull()) {
            return null;
        }
        Double lat = degrees(position.get("latitude"));
        Double lon = degrees(position.get("longitude"));
        if (lat != null && lon != null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
            return new double[] {lat, lon};
        }
        context.report(line, 0, "import.registryBadCoordinates", code
                + ": unreadable or out-of-range coordinates; kept without a location", code);
        return null;
    }

    private static Double degrees(JsonNode n) {
        if (n == null) {
            return null;
        }
        double d;
        if (n.isNumber()) {
            d = n.asDouble();
        } else if (n.isTextual()) {
            try {
                d = Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(d) ? d : null;
    }

    /** What else identifies or reaches the facility, in a fixed order (a re-import compares the text). */
    private static ObjectNode attributes(JsonNode loc, String key, Organization org, List<String> path) {
        ObjectNode a = MAPPER.createObjectNode();
        a.put("fhirId", key);
        ArrayNode identifiers = MAPPER.createArrayNode();
        for (JsonNode i : loc.path("identifier")) {
            if (text(i.get("value")) == null) {
                continue;
            }
            ObjectNode id = identifiers.addObject();
            putText(id, "system", i.get("system"));
            id.put("value", text(i.get("value")));
            putText(id, "use", i.get("use"));
        }
        if (!identifiers.isEmpty()) {
            a.set("identifiers", identifiers);
        }
        ArrayNode aliases = MAPPER.createArrayNode();
        for (JsonNode alias : loc.path("alias")) {
            if (text(alias) != null) {
                aliases.add(text(alias));
            }
        }
        if (!aliases.isEmpty()) {
            a.set("aliases", aliases);
        }
        putText(a, "description", loc.get("description"));
        putText(a, "operationalStatus", loc.path("operationalStatus").get("display"));
        if (!a.has("operationalStatus")) {
            putText(a, "operationalStatus", loc.path("operationalStatus").get("code"));
        }
        for (JsonNode coding : loc.path("physicalType").path("coding")) {
            putText(a, "physicalType", coding.get("code"));
            break;
        }
        ArrayNode telecom = MAPPER.createArrayNode();
        for (JsonNode t : loc.path("telecom")) {
            if (text(t.get("value")) != null) {
                ObjectNode c = telecom.addObject();
                putText(c, "system", t.get("system"));
                c.put("value", text(t.get("value")));
            }
        }
        if (!telecom.isEmpty()) {
            a.set("telecom", telecom);
        }
        String address = address(loc.get("address"));
        if (address != null) {
            a.put("address", address);
        }
        JsonNode altitude = loc.path("position").get("altitude");
        if (altitude != null && altitude.isNumber()) {
            a.set("altitude", altitude);
        }
        putText(a, "organization", loc.path("managingOrganization").get("reference"));
        if (org != null && org.name() != null) {
            a.put("organizationName", org.name());
        }
        putText(a, "partOf", loc.path("partOf").get("reference"));
        if (!path.isEmpty()) {
            ArrayNode p = a.putArray("jurisdictions");
            path.forEach(p::add);
        }
        return a;
    }

    /** An Address as one line: its text, else its lines, city, district, state and country. */
    private static String address(JsonNode address) {
        if (address == null || !address.isObject()) {
            return null;
        }
        String text = text(address.get("text"));
        if (text != null) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode line : address.path("line")) {
            if (text(line) != null) {
                parts.add(text(line));
            }
        }
        for (String field : new String[] {"city", "district", "state", "country"}) {
            String v = text(address.get(field));
            if (v != null) {
                parts.add(v);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void putText(ObjectNode target, String field, JsonNode value) {
        String t = text(value);
        if (t != null) {
            target.put(field, t);
        }
    }

    /** A scalar as trimmed text; null when absent, null, blank or not a scalar. */
    static String text(JsonNode n) {
        if (n == null || !n.isValueNode() || n.isNull()) {
            return null;
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private static String trimSlash(String s) {
        String t = s.trim();
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    private static ImportFailure notFhir(ImportContext context, JsonLocation at) {
        return new ImportFailure(context.problem(at.getLineNr(), at.getColumnNr(), "import.fhirNotABundle",
                "not FHIR JSON: a Bundle, or Location and Organization resources one per line, expected"));
    }
}
