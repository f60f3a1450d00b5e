package org.santeatlas.map.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A DHIS2 indicator numerator or denominator as the metadata importer stores it: data element operands
 * {@code #{deUid}} (every category option combo) and {@code #{deUid.cocUid}}, numbers, {@code + - * /},
 * unary minus and parentheses. Other DHIS2 items (constants {@code C{…}}, reporting rates {@code R{…}},
 * org unit group counts {@code OUG{…}}, {@code #{de.*.aoc}} attribute combos, functions) are refused with
 * the offending text, so a map never shows a number computed from half an expression.
 *
 * <p>Missing values follow DHIS2's default for indicators: an operand without data counts as 0 while at
 * least one operand of the expression has data; when none has, the expression has no value (NaN).
 * Immutable; any thread.
 */
public final class IndicatorExpression {

    /** An operand: a data element and, optionally, one category option combo (null: all). */
    public record Operand(String dataElementUid, String categoryOptionComboUid) {}

    private sealed interface Node permits Num, Ref, Neg, Bin {}

    private record Num(double value) implements Node {}

    private record Ref(Operand operand) implements Node {}

    private record Neg(Node child) implements Node {}

    private record Bin(char op, Node left, Node right) implements Node {}

    private final String text;
    private final Node root;
    private final Set<Operand> operands;

    private IndicatorExpression(String text, Node root, Set<Operand> operands) {
        this.text = text;
        this.root = root;
        this.operands = Set.copyOf(operands);
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException naming the position and the text that is not supported
     */
    public static IndicatorExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty expression");
        }
        Parser p = new Parser(text);
        Node n = p.expression();
        p.skipSpaces();
        if (p.pos < text.length()) {
            throw p.error();
        }
        return new IndicatorExpression(text, n, p.found);
    }

    public String text() {
        return text;
    }

    /** The operands the expression reads. */
    public Set<Operand> operands() {
        return operands;
    }

    /** The value with each operand's value from {@code values} (NaN: no data). */
    public double evaluate(ToDoubleFunction<Operand> values) {
        boolean any = operands.isEmpty();
        for (Operand o : operands) {
            if (!Double.isNaN(values.applyAsDouble(o))) {
                any = true;
                break;
            }
        }
        return any ? eval(root, values) : Double.NaN;
    }

    private static double eval(Node n, ToDoubleFunction<Operand> values) {
        if (n instanceof Num num) {
            return num.value();
        }
        if (n instanceof Ref r) {
            double v = values.applyAsDouble(r.operand());
            return Double.isNaN(v) ? 0 : v;
        }
        if (n instanceof Neg neg) {
            return -eval(neg.child(), values);
        }
        Bin b = (Bin) n;
        double l = eval(b.left(), values);
        double r = eval(b.right(), values);
        return switch (b.op()) {
            case '+' -> l + r;
            case '-' -> l - r;
            case '*' -> l * r;
            default -> r == 0 ? Double.NaN : l / r;
        };
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        final String s;
        int pos;
        final Set<Operand> found = new LinkedHashSet<>();

        Parser(String s) {
            this.s = s;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error() {
            int end = Math.min(s.length(), pos + 20);
            return new IllegalArgumentException("unsupported at position " + (pos + 1) + ": \"" + s.substring(pos, end)
                    + "\" (supported: #{dataElement}, #{dataElement.categoryOptionCombo}, numbers, + - * / and parentheses)");
        }

        Node expression() {
            Node left = term();
            while (true) {
                skipSpaces();
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    char op = s.charAt(pos++);
                    left = new Bin(op, left, term());
                } else {
                    return left;
                }
            }
        }

        Node term() {
            Node left = factor();
            while (true) {
                skipSpaces();
                if (pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/')) {
                    char op = s.charAt(pos++);
                    left = new Bin(op, left, factor());
                } else {
                    return left;
                }
            }
        }

        Node factor() {
            skipSpaces();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("expression ends too early: \"" + s + "\"");
            }
            char c = s.charAt(pos);
            if (c == '-' || c == '+') {
                pos++;
                Node f = factor();
                return c == '-' ? new Neg(f) : f;
            }
            if (c == '(') {
                pos++;
                Node e = expression();
                skipSpaces();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw error();
                }
                pos++;
                return e;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                try {
                    return new Num(Double.parseDouble(s.substring(start, pos)));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error();
                }
            }
            if (c == '#' && pos + 1 < s.length() && s.charAt(pos + 1) == '{') {
                int close = s.indexOf('}', pos);
                if (close < 0) {
                    throw error();
                }
                String inner = s.substring(pos + 2, close).strip();
                List<String> parts = new ArrayList<>(List.of(inner.split("\\.", -1)));
                boolean uids = parts.stream().allMatch(x -> x.matches("[A-Za-z][A-Za-z0-9]{10}") || x.equals("*"));
                if (parts.isEmpty() || parts.size() > 2 || !uids || parts.get(0).equals("*")) {
                    throw error();
                }
                String coc = parts.size() == 2 && !parts.get(1).equals("*") ? parts.get(1) : null;
                Operand o = new Operand(parts.get(0), coc);
                found.add(o);
                pos = close + 1;
                return new Ref(o);
            }
            throw error();
        }
    }
}
