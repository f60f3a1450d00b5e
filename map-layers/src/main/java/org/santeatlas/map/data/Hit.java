package org.santeatlas.map.data;

/**
 * A feature under a screen point: its index in its {@link FeatureSet}, the feature, and its distance to
 * the point in screen pixels (0 inside a polygon).
 */
public record Hit(int index, MapFeature feature, double distancePx) {}
