package org.santeatlas.importers.pull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.store.Timestamps;

/**
 * A small DHIS2 Web API over the demo country (test-data's metadata.json, dataValueSets.json and
 * completeDataSetRegistrations.json), answering as DHIS2's documentation shows: {@code /api/system/info},
 * {@code /api/organisationUnits/UID}, paged {@code /api/organisationUnits} (pager with page, pageCount,
 * total, pageSize and nextPage), {@code /api/metadata} with per-type {@code :fields} and {@code :filter},
 * {@code /api/dataValueSets} and {@code /api/completeDataSetRegistrations} with dataSet, orgUnit, children,
 * startDate, endDate (periods wholly inside), lastUpdated and includeDeleted. Requests without the
 * expected {@code Authorization} header get DHIS2's 401. Faults can be queued for requests that match.
 */
final class FakeDhis2 extends Dispatcher {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter DHIS2_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final ObjectNode metadata;
    private final Map<String, JsonNode> orgUnits = new LinkedHashMap<>();
    private final List<ObjectNode> values;
    private final List<ObjectNode> registrations;
    private final String authorization;
    private final List<HttpUrl> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Fault> faults = new ArrayDeque<>();

    private record Fault(Predicate<HttpUrl> matches, MockResponse response) {
    }

    /**
     * @param keepUnder only the values and registrations of this org unit's subtree are kept in memory
     * @param authorization the header value the server accepts
     */
    FakeDhis2(Path metadataJson, Path valuesJson, Path registrationsJson, String keepUnder, String authorization)
            throws IOException {
        this.metadata = (ObjectNode) MAPPER.readTree(metadataJson.toFile());
        for (JsonNode ou : metadata.get("organisationUnits")) {
            orgUnits.put(ou.get("id").asText(), ou);
        }
        this.authorization = authorization;
        this.values = readUnder(valuesJson, "dataValues", "orgUnit", keepUnder);
        this.registrations = readUnder(registrationsJson, "completeDataSetRegistrations", "organisationUnit",
                keepUnder);
    }

    private List<ObjectNode> readUnder(Path file, String array, String orgUnitField, String root) throws IOException {
        List<ObjectNode> kept = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(file.toFile())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (!f.equals(array)) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    ObjectNode v = p.readValueAsTree();
                    if (under(v.path(orgUnitField).asText(), root)) {
                        kept.add(v);
                    }
                }
            }
        }
        return kept;
    }

    boolean under(String orgUnit, String root) {
        JsonNode ou = orgUnits.get(orgUnit);
        return ou != null && ou.path("path").asText().contains("/" + root);
    }

    /** The values kept, as served (the whole subtree given to the constructor). */
    List<ObjectNode> values() {
        return values;
    }

    List<ObjectNode> registrations() {
        return registrations;
    }

    JsonNode metadata() {
        return metadata;
    }

    JsonNode orgUnit(String uid) {
        return orgUnits.get(uid);
    }

    List<HttpUrl> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<String> authorizations() {
        synchronized (authorizations) {
            return List.copyOf(authorizations);
        }
    }

    void clearRequests() {
        requests.clear();
        authorizations.clear();
    }

    /** The next {@code times} requests that match get {@code response} instead of the real answer. */
    synchronized void fault(Predicate<HttpUrl> matches, int times, MockResponse response) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(matches, response));
        }
    }

    /** Changes a value on the "server", as a data entry clerk would: a new value and lastUpdated now. */
    void edit(ObjectNode value, String newValue) {
        value.put("value", newValue);
        value.put("lastUpdated", LocalDateTime.now(ZoneOffset.UTC).format(DHIS2_TIME));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        requests.add(url);
        String auth = request.getHeader("Authorization");
        authorizations.add(auth);
        if (auth == null || !auth.equals(authorization)) {
            return json(401, "{\"httpStatus\":\"Unauthorized\",\"httpStatusCode\":401,\"status\":\"ERROR\","
                    + "\"message\":\"Unauthorized\"}");
        }
        synchronized (this) {
            for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
                Fault f = it.next();
                if (f.matches.test(url)) {
                    it.remove();
                    return f.response;
                }
            }
        }
        try {
            return route(url);
        } catch (RuntimeException e) {
            return json(500, "{\"httpStatus\":\"Internal Server Error\",\"httpStatusCode\":500,\"status\":\"ERROR\","
                    + "\"message\":\"" + e + "\"}");
        }
    }

    private MockResponse route(HttpUrl url) {
        List<String> seg = url.pathSegments();
        if (seg.size() < 2 || !seg.get(0).equals("api")) {
            return json(404, "{\"httpStatus\":\"Not Found\",\"httpStatusCode\":404,\"status\":\"ERROR\"}");
        }
        String resource = seg.get(1);
        if (resource.equals("system") && seg.size() == 3 && seg.get(2).equals("info.json")) {
            return json(200, "{\"contextPath\":\"" + url.scheme() + "://" + url.host() + ":" + url.port() + "\","
                    + "\"version\":\"2.40.4\",\"revision\":\"fictional\",\"serverTimeZoneId\":\"Etc/UTC\","
                    + "\"serverTimeZoneDisplayName\":\"Coordinated Universal Time\",\"serverDate\":\""
                    + LocalDateTime.now(ZoneOffset.UTC).format(DHIS2_TIME) + "\",\"systemName\":\"SNIS (fictif)\"}");
        }
        if (resource.equals("organisationUnits") && seg.size() == 3) {
            String uid = seg.get(2).replace(".json", "");
            JsonNode ou = orgUnits.get(uid);
            if (ou == null) {
                return json(404, "{\"httpStatus\":\"Not Found\",\"httpStatusCode\":404,\"status\":\"ERROR\","
                        + "\"message\":\"OrganisationUnit with id " + uid + " could not be found.\"}");
            }
            return json(200, project(ou, url.queryParameter("fields")).toString());
        }
        if (resource.equals("organisationUnits.json")) {
            return orgUnitPage(url);
        }
        if (resource.equals("metadata.json")) {
            return metadataExport(url);
        }
        if (resource.equals("dataValueSets.json")) {
            return dataValues(url);
        }
        if (resource.equals("completeDataSetRegistrations.json")) {
            return completeRegistrations(url);
        }
        return json(404, "{\"httpStatus\":\"Not Found\",\"httpStatusCode\":404,\"status\":\"ERROR\"}");
    }

    private MockResponse orgUnitPage(HttpUrl url) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode ou : orgUnits.values()) {
            boolean all = true;
            for (String filter : url.queryParameterValues("filter")) {
                all &= matches(ou, filter);
            }
            if (all) {
                matching.add(ou);
            }
        }
        boolean paging = !"false".equals(url.queryParameter("paging"));
        int pageSize = paging ? Integer.parseInt(valueOr(url.queryParameter("pageSize"), "50")) : matching.size();
        int page = Integer.parseInt(valueOr(url.queryParameter("page"), "1"));
        int pageCount = Math.max(1, (matching.size() + pageSize - 1) / Math.max(1, pageSize));
        ObjectNode body = MAPPER.createObjectNode();
        if (paging) {
            ObjectNode pager = body.putObject("pager");
            pager.put("page", page);
            pager.put("pageCount", pageCount);
            pager.put("total", matching.size());
            pager.put("pageSize", pageSize);
            if (page < pageCount) {
                pager.put("nextPage", url.newBuilder().setQueryParameter("page", String.valueOf(page + 1)).build()
                        .toString());
            }
        }
        ArrayNode list = body.putArray("organisationUnits");
        int from = Math.min(matching.size(), (page - 1) * pageSize);
        int to = Math.min(matching.size(), from + pageSize);
        for (JsonNode ou : matching.subList(from, to)) {
            list.add(project(ou, url.queryParameter("fields")));
        }
        return json(200, body.toString());
    }

    /** DHIS2 filters as the pull uses them: {@code id:eq:}, {@code id:in:[..]}, {@code path:like:}, {@code level:le:}. */
    private static boolean matches(JsonNode ou, String filter) {
        String[] parts = filter.split(":", 3);
        String value = ou.path(parts[0]).asText();
        return switch (parts[1]) {
            case "eq" -> value.equals(parts[2]);
            case "in" -> List.of(parts[2].replace("[", "").replace("]", "").split(",")).contains(value);
            case "like" -> value.contains(parts[2]);
            case "le" -> ou.path(parts[0]).asInt() <= Integer.parseInt(parts[2]);
            default -> throw new IllegalArgumentException("filter " + filter);
        };
    }

    /** DHIS2's field filter, top level only: {@code id,name,parent[id]} keeps id, name and parent. */
    private static JsonNode project(JsonNode node, String fields) {
        if (fields == null) {
            return node;
        }
        ObjectNode out = MAPPER.createObjectNode();
        int depth = 0;
        StringBuilder name = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (char c : (fields + ",").toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                names.add(name.toString());
                name.setLength(0);
            } else if (depth == 0) {
                name.append(c);
            }
        }
        for (String n : names) {
            if (node.has(n)) {
                out.set(n, node.get(n));
            }
        }
        return out;
    }

    private MockResponse metadataExport(HttpUrl url) {
        ObjectNode body = MAPPER.createObjectNode();
        body.set("system", metadata.get("system"));
        Set<String> dataSets = idsIn(url.queryParameter("dataSets:filter"));
        Set<String> dataElements = new HashSet<>();
        for (JsonNode ds : metadata.path("dataSets")) {
            if (dataSets == null || dataSets.contains(ds.get("id").asText())) {
                for (JsonNode dse : ds.path("dataSetElements")) {
                    dataElements.add(dse.path("dataElement").path("id").asText());
                }
            }
        }
        for (Iterator<String> it = metadata.fieldNames(); it.hasNext(); ) {
            String type = it.next();
            if (!"true".equals(url.queryParameter(type)) || !metadata.get(type).isArray()) {
                continue;
            }
            ArrayNode out = body.putArray(type);
            for (JsonNode o : metadata.get(type)) {
                String id = o.path("id").asText();
                if (type.equals("dataSets") && dataSets != null && !dataSets.contains(id)) {
                    continue;
                }
                if (type.equals("dataElements") && url.queryParameter("dataElements:filter") != null
                        && !dataElements.contains(id)) {
                    continue;
                }
                out.add(project(o, url.queryParameter(type + ":fields")));
            }
        }
        return json(200, body.toString());
    }

    private static Set<String> idsIn(String filter) {
        if (filter == null) {
            return null;
        }
        int open = filter.indexOf('[');
        return new HashSet<>(List.of(filter.substring(open + 1, filter.indexOf(']')).split(",")));
    }

    private Set<String> elementsOf(String dataSet) {
        Set<String> des = new HashSet<>();
        for (JsonNode ds : metadata.path("dataSets")) {
            if (ds.get("id").asText().equals(dataSet)) {
                for (JsonNode dse : ds.path("dataSetElements")) {
                    des.add(dse.path("dataElement").path("id").asText());
                }
            }
        }
        return des;
    }

    private boolean inScope(String orgUnit, HttpUrl url) {
        String asked = url.queryParameter("orgUnit");
        return "true".equals(url.queryParameter("children")) ? under(orgUnit, asked) : orgUnit.equals(asked);
    }

    private static boolean inDates(String period, HttpUrl url) {
        Period p = Period.parse(period);
        LocalDate start = LocalDate.parse(url.queryParameter("startDate"));
        LocalDate end = LocalDate.parse(url.queryParameter("endDate"));
        return !p.startDate().isBefore(start) && !p.endDate().isAfter(end);
    }

    private MockResponse dataValues(HttpUrl url) {
        Set<String> des = elementsOf(url.queryParameter("dataSet"));
        String since = url.queryParameter("lastUpdated");
        long sinceMillis = since == null ? Long.MIN_VALUE
                : LocalDateTime.parse(since).toInstant(ZoneOffset.UTC).toEpochMilli();
        boolean includeDeleted = "true".equals(url.queryParameter("includeDeleted"));
        ArrayNode out = MAPPER.createArrayNode();
        for (ObjectNode v : values) {
            if (des.contains(v.path("dataElement").asText()) && inScope(v.path("orgUnit").asText(), url)
                    && inDates(v.path("period").asText(), url)
                    && Timestamps.parseMillis(v.path("lastUpdated").asText()) >= sinceMillis
                    && (includeDeleted || !v.path("deleted").asBoolean(false))) {
                out.add(v);
            }
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.set("dataValues", out);
        return json(200, body.toString());
    }

    private MockResponse completeRegistrations(HttpUrl url) {
        String ds = url.queryParameter("dataSet");
        ArrayNode out = MAPPER.createArrayNode();
        for (ObjectNode r : registrations) {
            if (r.path("dataSet").asText().equals(ds) && inScope(r.path("organisationUnit").asText(), url)
                    && inDates(r.path("period").asText(), url)) {
                out.add(r);
            }
        }
        // DHIS2 leaves the array out when there is none.
        ObjectNode body = MAPPER.createObjectNode();
        if (!out.isEmpty()) {
            body.set("completeDataSetRegistrations", out);
        }
        return json(200, body.toString());
    }

    private static String valueOr(String v, String otherwise) {
        return v == null ? otherwise : v;
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code)
                .setHeader("Content-Type", "application/json;charset=UTF-8")
                .setHeader("Date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .setBody(body);
    }
}
