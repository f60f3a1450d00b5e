/** Package root of the map-layers module. */
package org.santeatlas.map;
