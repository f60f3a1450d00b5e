/**
 * Geographic checks: where facilities are ({@link org.santeatlas.quality.geo.FacilityLocationCheck}),
 * facilities entered twice ({@link org.santeatlas.quality.geo.NearDuplicateCheck}) and health-area
 * polygons that overlap or leave gaps ({@link org.santeatlas.quality.geo.AreaCoverageCheck}); with the
 * shared org-unit tree ({@link org.santeatlas.quality.geo.OrgUnits}), geodesic measures
 * ({@link org.santeatlas.quality.geo.Geodesy}), facility-name comparison
 * ({@link org.santeatlas.quality.geo.FacilityNames}) and explanations
 * ({@link org.santeatlas.quality.geo.Explanations}) that the registry and population checks use too.
 */
package org.santeatlas.quality.geo;
