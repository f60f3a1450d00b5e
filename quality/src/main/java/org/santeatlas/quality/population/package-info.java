/**
 * WHO DQR domains 3 and 4: survey estimates against routine coverage
 * ({@link org.santeatlas.quality.population.ExternalConsistencyCheck}) and population figures against each
 * other ({@link org.santeatlas.quality.population.PopulationConsistencyCheck}).
 */
package org.santeatlas.quality.population;
