package org.santeatlas.map.data;

/**
 * One level of the org unit tree as the map sees it: its number (1 = country), name, and how many of its
 * org units have a polygon or a point.
 */
public record OrgUnitLevel(int level, String name, int orgUnits, int polygons, int points) {}
