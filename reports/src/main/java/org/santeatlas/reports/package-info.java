/** Package root of the reports module. */
package org.santeatlas.reports;
