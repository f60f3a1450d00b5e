package org.santeatlas.importers.dhis2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.text.NameKey;

/**
 * DHIS2 periods as a Data Visualizer download names them when asked for names rather than IDs, in
 * English or French, turned into ISO periods: months ({@code January 2024}, {@code Janvier 2024},
 * {@code Jan 2024}, {@code janv. 2024}), spans of months as DHIS2 writes quarters, bi-months and
 * six-months ({@code January - March 2024} → {@code 2024Q1}, {@code janvier - février 2024} →
 * {@code 202401B}, {@code July - December 2024} → {@code 2024S2}), financial years
 * ({@code July 2023 - June 2024} → {@code 2023July}), quarters and halves as people write them
 * ({@code Q1 2024}, {@code T1 2024}, {@code 2024 T1}, {@code 1er trimestre 2024}, {@code S2 2024}),
 * weeks ({@code Week 5 2024-01-29 - 2024-02-04}, {@code Semaine 5 …}, {@code W5 2024}) and years.
 * An ISO period ({@code 202401}) is kept as it is.
 */
public final class PeriodNames {

    private static final Map<String, Integer> MONTHS = months();

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private PeriodNames() {
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
            {"january", "jan", "janvier", "janv"}, {"february", "feb", "fevrier", "fev", "fevr"},
            {"march", "mar", "mars"}, {"april", "apr", "avril", "avr"}, {"may", "mai"},
            {"june", "jun", "juin"}, {"july", "jul", "juillet", "juil"}, {"august", "aug", "aout"},
            {"september", "sep", "sept", "septembre"}, {"october", "oct", "octobre"},
            {"november", "nov", "novembre"}, {"december", "dec", "decembre"}};
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }

    /** The ISO period a name stands for; empty when it is not one of the forms above. */
    public static Optional<String> toIso(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (Period.tryParse(trimmed).isPresent()) {
            return Optional.of(trimmed);
        }
        String key = NameKey.of(trimmed);
        List<String> words = List.of(key.split(" "));
        // Weeks: "week 5 2024 01 29 2024 02 04" (DHIS2's name, dates split by NameKey), "w5 2024", "semaine 5 2024".
        Matcher week = Pattern.compile("(?:week|semaine|sem|w|s)\\s?(\\d{1,2}) (\\d{4})(?: .*)?").matcher(key);
        if (week.matches() && (key.startsWith("week") || key.startsWith("semaine") || key.startsWith("sem")
                || key.startsWith("w"))) {
            return valid(week.group(2) + "W" + Integer.parseInt(week.group(1)));
        }
        // Quarters and halves: "q1 2024", "t1 2024", "2024 q1", "trimestre 1 2024", "1er trimestre 2024".
        Matcher q = Pattern.compile("(?:(?:q|t|trimestre |quarter )([1-4])|([1-4])(?:er|e|eme|st|nd|rd|th)? "
                + "(?:trimestre|quarter)) (\\d{4})").matcher(key);
        if (q.matches()) {
            return valid(q.group(3) + "Q" + (q.group(1) != null ? q.group(1) : q.group(2)));
        }
        Matcher qAfter = Pattern.compile("(\\d{4}) ?(?:q|t)([1-4])").matcher(key);
        if (qAfter.matches()) {
            return valid(qAfter.group(1) + "Q" + qAfter.group(2));
        }
        Matcher half = Pattern.compile("(?:(?:s|semestre |h)([12])|([12])(?:er|e|eme|st|nd)? semestre) (\\d{4})")
                .matcher(key);
        if (half.matches()) {
            return valid(half.group(3) + "S" + (half.group(1) != null ? half.group(1) : half.group(2)));
        }
        Matcher halfAfter = Pattern.compile("(\\d{4}) ?(?:s|h)([12])").matcher(key);
        if (halfAfter.matches()) {
            return valid(halfAfter.group(1) + "S" + halfAfter.group(2));
        }
        return fromMonths(words);
    }

    /** "january 2024", "january march 2024", "july 2023 june 2024" (NameKey drops the dash). */
    private static Optional<String> fromMonths(List<String> words) {
        List<int[]> parts = new ArrayList<>(); // {month, year or 0}
        for (String w : words) {
            Integer month = MONTHS.get(w);
            if (month != null) {
                parts.add(new int[] {month, 0});
            } else if (YEAR.matcher(w).matches() && !parts.isEmpty() && parts.get(parts.size() - 1)[1] == 0) {
                parts.get(parts.size() - 1)[1] = Integer.parseInt(w);
            } else if (!w.equals("to") && !w.equals("a") && !w.equals("au")) {
                return w.isEmpty() || !YEAR.matcher(w).matches() || !parts.isEmpty() ? Optional.empty()
                        : valid(words.size() == 1 ? w : "");
            }
        }
        if (parts.size() == 1 && parts.get(0)[1] > 0) {
            return valid(String.format("%04d%02d", parts.get(0)[1], parts.get(0)[0]));
        }
        if (parts.size() != 2 || parts.get(1)[1] == 0) {
            return Optional.empty();
        }
        int from = parts.get(0)[0];
        int to = parts.get(1)[0];
        int endYear = parts.get(1)[1];
        int startYear = parts.get(0)[1] == 0 ? endYear : parts.get(0)[1];
        int span = (endYear - startYear) * 12 + to - from + 1;
        if (startYear == endYear) {
            if (span == 3 && from % 3 == 1) {
                return valid(startYear + "Q" + (from + 2) / 3);
            }
            if (span == 2 && from % 2 == 1) {
                return valid(String.format("%04d%02dB", startYear, (from + 1) / 2));
            }
            if (span == 6 && (from == 1 || from == 7)) {
                return valid(startYear + "S" + (from == 1 ? 1 : 2));
            }
            if (span == 6 && (from == 4 || from == 10)) {
                return valid(startYear + (from == 4 ? "AprilS1" : "AprilS2"));
            }
            if (span == 12 && from == 1) {
                return valid(String.valueOf(startYear));
            }
        }
        if (span == 6 && from == 10 && endYear == startYear + 1) {
            return valid(startYear + "AprilS2");
        }
        if (span == 12 && endYear == startYear + 1) {
            String suffix = switch (from) {
                case 4 -> "April";
                case 7 -> "July";
                case 10 -> "Oct";
                case 11 -> "Nov";
                default -> null;
            };
            return suffix == null ? Optional.empty() : valid(startYear + suffix);
        }
        return Optional.empty();
    }

    private static Optional<String> valid(String iso) {
        return Period.tryParse(iso).map(p -> iso);
    }
}
