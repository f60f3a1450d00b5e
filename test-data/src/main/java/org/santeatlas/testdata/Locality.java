package org.santeatlas.testdata;

import org.locationtech.jts.geom.Coordinate;

/**
 * A village or town with its estimated population.
 *
 * @param point WGS 84 degrees on the 1e-6 grid, x = longitude
 */
record Locality(String code, String name, AdminUnit area, int population, Coordinate point) {}
