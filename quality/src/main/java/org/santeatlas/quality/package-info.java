/** Package root of the quality module. */
package org.santeatlas.quality;
