/** Package root of the benchmarks module. */
package org.santeatlas.benchmarks;
