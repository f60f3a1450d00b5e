package org.santeatlas.quality.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of a DHIS2 validation rule, parsed: data items {@code #{de}}, {@code #{de.coc}},
 * {@code #{de.*}}, {@code #{de.coc.aoc}}, {@code #{de.*.aoc}}, numbers, {@code [days]} (days in the
 * period), unary minus, {@code + - * /} and parentheses, with the usual precedence. A small
 * recursive-descent parser: no script engine. Anything else DHIS2 allows (constants {@code C{}},
 * org-unit groups {@code OUG{}}, functions) is refused with a {@link ParseError}, and the rule is
 * reported as not evaluable rather than guessed.
 */
public final class Expression {

    /**
     * A data item: a data element, optionally one category option combo (null: every one, as
     * {@code #{de}} and {@code #{de.*}} mean) and one attribute option combo (null: the one being
     * evaluated).
     */
    public record Item(String dataElement, String categoryOptionCombo, String attributeOptionCombo) {

        @Override
        public String toString() {
            return "#{" + dataElement + (categoryOptionCombo == null ? (attributeOptionCombo == null ? "" : ".*")
                    : "." + categoryOptionCombo) + (attributeOptionCombo == null ? "" : "." + attributeOptionCombo) + "}";
        }
    }

    /** An expression DHIS2 may accept but this evaluator cannot (or a malformed one). */
    public static final class ParseError extends Exception {
        public ParseError(String message) {
            super(message);
        }
    }

    private interface Node {
        /** NaN when not computable (division by zero). */
        double eval(double[] items, int days);
    }

    private final String text;
    private final Node root;
    private final List<Item> items;

    private Expression(String text, Node root, List<Item> items) {
        this.text = text;
        this.root = root;
        this.items = items;
    }

    public static Expression parse(String text) throws ParseError {
        Parser p = new Parser(text);
        Node root = p.sum();
        p.skipSpaces();
        if (p.pos < text.length()) {
            throw new ParseError("unexpected '" + text.charAt(p.pos) + "' at " + (p.pos + 1));
        }
        return new Expression(text, root, Collections.unmodifiableList(new ArrayList<>(p.items.keySet())));
    }

    public String text() {
        return text;
    }

    /** The distinct data items, in order of first appearance; {@link #evaluate} takes their values in this order. */
    public List<Item> items() {
        return items;
    }

    /**
     * The value with each item's value given (a missing one already replaced as the missing-value
     * strategy says); NaN when a division by zero makes it undefined, as DHIS2 then has no value.
     */
    public double evaluate(double[] itemValues, int daysInPeriod) {
        return root.eval(itemValues, daysInPeriod);
    }

    private static final class Parser {
        final String s;
        int pos;
        final Map<Item, Integer> items = new LinkedHashMap<>();

        Parser(String s) {
            this.s = s;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(char c) {
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        Node sum() throws ParseError {
            Node left = product();
            while (true) {
                if (eat('+')) {
                    Node a = left;
                    Node b = product();
                    left = (v, d) -> a.eval(v, d) + b.eval(v, d);
                } else if (eat('-')) {
                    Node a = left;
                    Node b = product();
                    left = (v, d) -> a.eval(v, d) - b.eval(v, d);
                } else {
                    return left;
                }
            }
        }

        Node product() throws ParseError {
            Node left = unary();
            while (true) {
                if (eat('*')) {
                    Node a = left;
                    Node b = unary();
                    left = (v, d) -> a.eval(v, d) * b.eval(v, d);
                } else if (eat('/')) {
                    Node a = left;
                    Node b = unary();
                    left = (v, d) -> {
                        double den = b.eval(v, d);
                        return den == 0 ? Double.NaN : a.eval(v, d) / den;
                    };
                } else {
                    return left;
                }
            }
        }

        Node unary() throws ParseError {
            if (eat('-')) {
                Node a = unary();
                return (v, d) -> -a.eval(v, d);
            }
            if (eat('+')) {
                return unary();
            }
            return atom();
        }

        Node atom() throws ParseError {
            skipSpaces();
            if (pos >= s.length()) {
                throw new ParseError("the expression ends too early");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = sum();
                if (!eat(')')) {
                    throw new ParseError("missing ')' at " + (pos + 1));
                }
                return inner;
            }
            if (c == '#' && pos + 1 < s.length() && s.charAt(pos + 1) == '{') {
                int end = s.indexOf('}', pos);
                if (end < 0) {
                    throw new ParseError("missing '}' after #{ at " + (pos + 1));
                }
                Item item = item(s.substring(pos + 2, end).trim());
                pos = end + 1;
                int index = items.computeIfAbsent(item, k -> items.size());
                return (v, d) -> v[index];
            }
            if (s.startsWith("[days]", pos)) {
                pos += 6;
                return (v, d) -> d;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    pos++;
                    if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        pos++;
                    }
                }
                try {
                    double n = Double.parseDouble(s.substring(start, pos));
                    return (v, d) -> n;
                } catch (NumberFormatException e) {
                    throw new ParseError("bad number '" + s.substring(start, pos) + "'");
                }
            }
            throw new ParseError("unsupported '" + s.substring(pos, Math.min(s.length(), pos + 12)) + "' at "
                    + (pos + 1) + " (only #{...}, numbers, [days], + - * / and parentheses are evaluated)");
        }

        private static Item item(String body) throws ParseError {
            String[] parts = body.split("\\.", -1);
            if (parts.length > 3 || parts[0].isEmpty()) {
                throw new ParseError("bad data item #{" + body + "}");
            }
            for (String part : parts) {
                if (!part.equals("*") && !part.matches("[A-Za-z][A-Za-z0-9]{10}")) {
                    throw new ParseError("bad identifier '" + part + "' in #{" + body + "}");
                }
            }
            if (parts[0].equals("*")) {
                throw new ParseError("a data item needs a data element: #{" + body + "}");
            }
            String coc = parts.length > 1 && !parts[1].equals("*") ? parts[1] : null;
            String aoc = parts.length > 2 && !parts[2].equals("*") ? parts[2] : null;
            return new Item(parts[0], coc, aoc);
        }
    }
}
