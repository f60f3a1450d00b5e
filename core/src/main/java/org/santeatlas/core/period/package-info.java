/**
 * DHIS2 fixed periods: {@link org.santeatlas.core.period.PeriodType} names the eighteen types DHIS2
 * offers on the ISO 8601 calendar, and {@link org.santeatlas.core.period.Period} is one period of a
 * type, parsed from or written as its ISO string ({@code 2024W10}, {@code 202403}, {@code 2024Q1},
 * {@code 2024April}...), with its inclusive start and end dates and navigation.
 *
 * <p>Parsing reports problems as a {@link org.santeatlas.core.period.PeriodFormatException} that
 * carries a reason code, so importers can collect them as values and the UI can translate them.
 * {@link org.santeatlas.core.period.MonthIndex} numbers months for compact storage.
 */
package org.santeatlas.core.period;
