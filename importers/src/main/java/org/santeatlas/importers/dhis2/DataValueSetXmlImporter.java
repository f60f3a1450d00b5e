package org.santeatlas.importers.dhis2;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.santeatlas.core.store.RawDataValue;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.RecordPipe;

/**
 * DHIS2 data value sets in XML (DXF2, {@code api/dataValueSets.xml}):
 * {@code <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" period=".." orgUnit=".." attributeOptionCombo="..">}
 * holding {@code <dataValue dataElement=".." period=".." orgUnit=".." categoryOptionCombo=".." value=".."/>}
 * elements whose fields are attributes (DHIS2 Web API docs, "Sending data values"). The set-level
 * {@code period}, {@code orgUnit} and {@code attributeOptionCombo} apply to values lacking their own.
 * A root {@code <dataValueSets>} may wrap several sets, each with its own defaults. Elements are matched
 * by local name, so a file without DHIS2's namespace is read the same.
 *
 * <p>Streamed with Woodstox's StAX reader, one value in memory at a time. DTDs and external entities
 * are off and a DOCTYPE is refused (DHIS2 never writes one): an import file must not make the
 * application read other local files or the network (XXE).
 */
public final class DataValueSetXmlImporter extends PipedDataValueImporter<RawDataValue> {

    @Override
    public ImportFormat format() {
        return ImportFormat.DHIS2_DATA_VALUE_SET_XML;
    }

    /**
     * A new StAX factory that never reads a DTD or an external entity. Any thread; the factory is not
     * shared, so its configuration cannot be changed behind the caller's back.
     */
    public static XMLInputFactory secureFactory() {
        // Woodstox rather than the JDK's reader: about twice as fast on attribute-heavy DHIS2 XML and ADX
        // (benchmarks module). Named explicitly so that no other StAX implementation on the class path
        // is picked up in its place.
        XMLInputFactory factory = new com.ctc.wstx.stax.WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Coalescing off (the default) and no location of every event beyond lines: what the importers need.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /** The parser's records are data values already. */
    @Override
    RawDataValue resolve(ImportContext context, RawDataValue v) {
        return v;
    }

    @Override
    void parse(ImportContext context, RecordPipe.Emitter<RawDataValue> out)
            throws ImportFailure, IOException {
        XMLStreamReader r = null;
        try (InputStream in = context.open()) {
            r = secureFactory().createXMLStreamReader(in);
            readDocument(context, r, out);
        } catch (XMLStreamException e) {
            throw malformed(context, e, r);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a stream that is closed already; nothing left to release
                }
            }
        }
    }

    private static void readDocument(ImportContext context, XMLStreamReader r, RecordPipe.Emitter<RawDataValue> out)
            throws XMLStreamException, ImportFailure, IOException {
        boolean rootSeen = false;
        boolean inSet = false;
        SetDefaults set = SetDefaults.NONE;
        long count = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                Location at = r.getLocation();
                String reason = "a DOCTYPE is not allowed in a DHIS2 data value set";
                throw new ImportFailure(context.problem(at.getLineNumber(), at.getColumnNumber(),
                        "import.malformedXml", "malformed XML: " + reason, reason));
            }
            if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("dataValueSet")) {
                set = SetDefaults.NONE;
                inSet = false;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = r.getLocalName();
            if (!rootSeen) {
                rootSeen = true;
                if (name.equals("dataValueSets")) {
                    continue;
                }
                if (!name.equals("dataValueSet")) {
                    unexpected(context, r, "<dataValueSet> or <dataValueSets>", name);
                }
            } else if (name.equals("dataValueSet") && inSet) {
                unexpected(context, r, "<dataValue> or </dataValueSet>", name);
            }
            switch (name) {
                case "dataValueSet" -> {
                    set = SetDefaults.of(r);
                    inSet = true;
                }
                case "dataValue" -> {
                    out.emit(readValue(r, set));
                    if (++count % 65_536 == 0) {
                        // Characters, not bytes: close enough for a progress bar over mostly ASCII files.
                        out.position(r.getLocation().getCharacterOffset());
                    }
                }
                default -> skipElement(r);
            }
        }
        if (!rootSeen) {
            Location at = r.getLocation();
            String what = "a <dataValueSet> element";
            throw new ImportFailure(context.problem(at.getLineNumber(), at.getColumnNumber(), "import.unexpectedXml",
                    "expected " + what + " but found the end of the file", what));
        }
    }

    /** The reader is on a {@code <dataValue>} start tag; leaves it on the matching end tag. */
    private static RawDataValue readValue(XMLStreamReader r, SetDefaults set) throws XMLStreamException {
        // The reader's location is the end of the start tag: the line of the last attribute.
        long line = r.getLocation().getLineNumber();
        String dataElement = null;
        String period = set.period;
        String orgUnit = set.orgUnit;
        String coc = null;
        String aoc = set.attributeOptionCombo;
        String value = null;
        String storedBy = null;
        String created = null;
        String lastUpdated = null;
        String comment = null;
        boolean followup = false;
        boolean deleted = false;
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String v = r.getAttributeValue(i);
            switch (r.getAttributeLocalName(i)) {
                case "dataElement" -> dataElement = v;
                case "period" -> period = v;
                case "orgUnit" -> orgUnit = v;
                case "categoryOptionCombo" -> coc = v;
                case "attributeOptionCombo" -> aoc = v;
                case "value" -> value = v;
                case "storedBy" -> storedBy = v;
                case "created" -> created = v;
                case "lastUpdated" -> lastUpdated = v;
                case "comment" -> comment = v;
                case "followup", "followUp" -> followup = Boolean.parseBoolean(v.trim());
                case "deleted" -> deleted = Boolean.parseBoolean(v.trim());
                default -> {
                    // DHIS2 adds nothing else we store; unknown attributes are ignored as DHIS2 does.
                }
            }
        }
        skipElement(r);
        return new RawDataValue(dataElement, period, orgUnit, coc, aoc, value, storedBy, created, lastUpdated,
                comment, followup, deleted, line);
    }

    /** From a start tag to its matching end tag, ignoring whatever is inside. */
    static void skipElement(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    static void unexpected(ImportContext context, XMLStreamReader r, String what, String found)
            throws ImportFailure {
        Location at = r.getLocation();
        throw new ImportFailure(context.problem(at.getLineNumber(), at.getColumnNumber(), "import.unexpectedXml",
                "expected " + what + " but found <" + found + ">", what));
    }

    /** A syntax error as a failure naming the line and column, e.g. for a truncated file. */
    static ImportFailure malformed(ImportContext context, XMLStreamException e, XMLStreamReader r) {
        Location at = e.getLocation();
        if (at == null && r != null) {
            at = r.getLocation();
        }
        long line = at == null ? 0 : Math.max(at.getLineNumber(), 0);
        long column = at == null ? 0 : Math.max(at.getColumnNumber(), 0);
        String reason = reason(e);
        return new ImportFailure(context.problem(line, column, "import.malformedXml", "malformed XML: " + reason,
                reason), e);
    }

    /**
     * The parser's own words, without the location it adds (Woodstox: a final {@code at [row,col …]}
     * line; the JDK's reader: a {@code ParseError at [row,col]} prefix): the problem names it already.
     */
    static String reason(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        int where = message.indexOf("\n at [");
        if (where >= 0) {
            message = message.substring(0, where);
        }
        return message.strip();
    }

    /** The set-level fields of a {@code <dataValueSet>} that its values inherit. */
    private record SetDefaults(String period, String orgUnit, String attributeOptionCombo) {

        static final SetDefaults NONE = new SetDefaults(null, null, null);

        static SetDefaults of(XMLStreamReader r) {
            String period = null;
            String orgUnit = null;
            String aoc = null;
            for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
                switch (r.getAttributeLocalName(i)) {
                    case "period" -> period = r.getAttributeValue(i);
                    case "orgUnit" -> orgUnit = r.getAttributeValue(i);
                    case "attributeOptionCombo" -> aoc = r.getAttributeValue(i);
                    default -> {
                        // dataSet and completeDate: the set's completion is imported from registrations.
                    }
                }
            }
            return new SetDefaults(period, orgUnit, aoc);
        }
    }
}
