package org.santeatlas.quality.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.Severity;

/**
 * The binary form of a block of findings in {@code QUALITY_FINDING_BLOCK.DATA} (migration V11): a national run
 * stores ≈ 41 000 findings, and one row per finding cost more than reading every data value. A block holds the
 * findings in order, every field; each distinct string (check ids, UIDs, periods, methods, message keys and
 * arguments) is written once per block and then referred to by its number, so that the thousands of findings
 * that share a check, a data element or a period cost a few bytes each.
 *
 * <p>Layout, big-endian ({@link DataOutputStream}): a format byte ({@value #FORMAT}), the finding count, then per
 * finding: check, dimension id, severity id, org unit, data element, option combo, period, value, expected
 * (strings), score (double), method, message key (strings), the argument count and each argument (a tag
 * byte: null, string, double, integer, long, boolean, other types as their text), and the message as given
 * (a string, null when it is formatted from the key). A string is a varint: 0 null, 1 a new string (its UTF-8
 * length as a varint and its bytes follow, and it gets the next number), n ≥ 2 the string numbered n − 2.
 */
final class FindingBlocks {

    static final int FORMAT = 1;

    private static final int ARG_NULL = 0;
    private static final int ARG_STRING = 1;
    private static final int ARG_DOUBLE = 2;
    private static final int ARG_INT = 3;
    private static final int ARG_LONG = 4;
    private static final int ARG_BOOLEAN = 5;

    private FindingBlocks() {
    }

    static byte[] encode(List<Finding> findings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * findings.size() + 16);
        Writer w = new Writer(new DataOutputStream(bytes));
        try {
            w.out.writeByte(FORMAT);
            w.varint(findings.size());
            for (Finding f : findings) {
                w.string(f.check());
                w.string(f.dimension().id());
                w.string(f.severity().id());
                w.string(f.orgUnit());
                w.string(f.dataElement());
                w.string(f.categoryOptionCombo());
                w.string(f.period());
                w.string(f.value());
                w.string(f.expected());
                w.out.writeDouble(f.score());
                w.string(f.method());
                w.string(f.messageKey());
                w.varint(f.messageArgs().size());
                for (Object a : f.messageArgs()) {
                    w.arg(a);
                }
                w.string(f.givenMessage());
            }
            w.out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Finding> decode(byte[] data) {
        Reader r = new Reader(new DataInputStream(new ByteArrayInputStream(data)));
        try {
            int format = r.in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalStateException("unknown findings block format " + format);
            }
            int n = r.varint();
            List<Finding> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String check = r.string();
                Dimension dimension = dimension(r.string());
                Severity severity = severity(r.string());
                String orgUnit = r.string();
                String dataElement = r.string();
                String coc = r.string();
                String period = r.string();
                String value = r.string();
                String expected = r.string();
                double score = r.in.readDouble();
                String method = r.string();
                String key = r.string();
                int argc = r.varint();
                List<Object> args = new ArrayList<>(argc);
                for (int k = 0; k < argc; k++) {
                    args.add(r.arg());
                }
                String message = r.string();
                out.add(new Finding(check, dimension, severity, orgUnit, dataElement, coc, period, value, expected,
                        score, method, key, args, message));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dimension dimension(String id) {
        for (Dimension d : Dimension.values()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        throw new IllegalStateException("Unknown dimension " + id);
    }

    static Severity severity(String id) {
        for (Severity s : Severity.values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalStateException("Unknown severity " + id);
    }

    private static final class Writer {
        final DataOutputStream out;
        final Map<String, Integer> numbers = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void varint(int v) throws IOException {
            while ((v & ~0x7F) != 0) {
                out.writeByte((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.writeByte(v);
        }

        void string(String s) throws IOException {
            if (s == null) {
                varint(0);
                return;
            }
            Integer known = numbers.get(s);
            if (known != null) {
                varint(known + 2);
                return;
            }
            numbers.put(s, numbers.size());
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(1);
            varint(b.length);
            out.write(b);
        }

        void arg(Object a) throws IOException {
            if (a == null) {
                out.writeByte(ARG_NULL);
            } else if (a instanceof Double d) {
                out.writeByte(ARG_DOUBLE);
                out.writeDouble(d);
            } else if (a instanceof Integer i) {
                out.writeByte(ARG_INT);
                out.writeInt(i);
            } else if (a instanceof Long l) {
                out.writeByte(ARG_LONG);
                out.writeLong(l);
            } else if (a instanceof Boolean b) {
                out.writeByte(ARG_BOOLEAN);
                out.writeBoolean(b);
            } else {
                // Strings, and the rare other type (a float, a date): as the text MessageFormat would show.
                out.writeByte(ARG_STRING);
                string(a instanceof Number n ? n.toString() : String.valueOf(a));
            }
        }
    }

    private static final class Reader {
        final DataInputStream in;
        final List<String> strings = new ArrayList<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        int varint() throws IOException {
            int v = 0;
            int shift = 0;
            while (true) {
                int b = in.readUnsignedByte();
                v |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
                shift += 7;
            }
        }

        String string() throws IOException {
            int ref = varint();
            if (ref == 0) {
                return null;
            }
            if (ref >= 2) {
                return strings.get(ref - 2);
            }
            byte[] b = new byte[varint()];
            in.readFully(b);
            String s = new String(b, StandardCharsets.UTF_8);
            strings.add(s);
            return s;
        }

        Object arg() throws IOException {
            int tag = in.readUnsignedByte();
            return switch (tag) {
                case ARG_NULL -> null;
                case ARG_STRING -> string();
                case ARG_DOUBLE -> in.readDouble();
                case ARG_INT -> in.readInt();
                case ARG_LONG -> in.readLong();
                case ARG_BOOLEAN -> in.readBoolean();
                default -> throw new IllegalStateException("unknown argument tag " + tag);
            };
        }
    }
}
