/** Package root of the importers module. */
package org.santeatlas.importers;
