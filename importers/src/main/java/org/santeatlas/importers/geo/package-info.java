/**
 * Geographic files: ESRI Shapefiles (read through H2GIS's shapefile and dBASE readers) and boundary
 * files (GeoJSON or shapefile polygons) matched to org units or kept as boundary layers.
 */
package org.santeatlas.importers.geo;
