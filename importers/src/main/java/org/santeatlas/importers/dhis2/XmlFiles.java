package org.santeatlas.importers.dhis2;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;

/**
 * Shared plumbing of the streaming XML importers (ADX, metadata XML): a DTD-less StAX reader over the
 * import's file, moving from tag to tag, and refusing a DOCTYPE (no import file of ours has one, and
 * refusing it outright closes the door to XXE whatever the reader's settings).
 */
final class XmlFiles {

    private XmlFiles() {
    }

    /** What an importer does with a reader positioned on the root's start tag. */
    @FunctionalInterface
    interface Body {
        void read(XMLStreamReader r) throws XMLStreamException, ImportFailure, IOException, java.sql.SQLException;
    }

    /**
     * Opens the file through the context (hashing it on the way), moves to the root's start tag and hands
     * the reader to {@code body}; a syntax error anywhere becomes a failure naming its line and column.
     *
     * @param what the expected root, for the message when the file has none ("an &lt;adx&gt; element")
     */
    static void read(ImportContext context, String what, Body body)
            throws ImportFailure, IOException, java.sql.SQLException {
        XMLStreamReader r = null;
        try (InputStream in = context.open()) {
            r = DataValueSetXmlImporter.secureFactory().createXMLStreamReader(in);
            if (!toRoot(context, r)) {
                Location at = r.getLocation();
                throw new ImportFailure(context.problem(at.getLineNumber(), at.getColumnNumber(),
                        "import.unexpectedXml", "expected " + what + " but found the end of the file", what));
            }
            body.read(r);
            while (r.hasNext()) {
                // After the root: comments and white space only, or the parser says what it found.
                refuseDoctype(context, r, r.next());
            }
        } catch (XMLStreamException e) {
            throw DataValueSetXmlImporter.malformed(context, e, r);
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

    /** Moves to the root's start tag; false at the end of a file without one. */
    private static boolean toRoot(ImportContext context, XMLStreamReader r) throws XMLStreamException, ImportFailure {
        while (r.hasNext()) {
            int event = r.next();
            refuseDoctype(context, r, event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next start tag, or end tag (of the element the reader is in), skipping text, comments and
     * processing instructions.
     */
    static int nextTag(ImportContext context, XMLStreamReader r) throws XMLStreamException, ImportFailure {
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT
                    || event == XMLStreamConstants.END_DOCUMENT) {
                return event;
            }
            refuseDoctype(context, r, event);
        }
    }

    static void refuseDoctype(ImportContext context, XMLStreamReader r, int event) throws ImportFailure {
        if (event == XMLStreamConstants.DTD) {
            Location at = r.getLocation();
            String reason = "a DOCTYPE is not allowed in an import file";
            throw new ImportFailure(context.problem(at.getLineNumber(), at.getColumnNumber(),
                    "import.malformedXml", "malformed XML: " + reason, reason));
        }
    }

    /** {@code xsi:schemaLocation} and the like: attributes of other vocabularies. */
    static boolean isForeign(XMLStreamReader r, int attribute) {
        String ns = r.getAttributeNamespace(attribute);
        return ns != null && !ns.isEmpty();
    }
}
