/**
 * Deterministic generator of a <em>fictional</em> Sahelian country ("République du Sahel Central
 * (fictif)") for demos, tests and benchmarks: a DHIS2 metadata export, data values (JSON and CSV),
 * complete data set registrations, a master facility registry, localities, and a ground truth that
 * lists every planted data-quality problem.
 *
 * <p>Entry point: {@link org.santeatlas.testdata.DemoGenerator#generate}. The same size and seed
 * always give byte-identical files: every random draw comes from a seeded {@link
 * java.util.SplittableRandom}, transcendental functions use {@link java.lang.StrictMath}, numbers are
 * formatted with integer arithmetic, and nothing reads the clock.
 */
package org.santeatlas.testdata;
