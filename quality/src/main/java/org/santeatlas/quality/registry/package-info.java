/**
 * The master facility list against the SNIS: matching ({@link org.santeatlas.quality.registry.RegistryReconciler}),
 * the user's mapping decisions ({@link org.santeatlas.quality.registry.RegistryMapping}, table REGISTRY_MAPPING)
 * and the findings ({@link org.santeatlas.quality.registry.RegistryCheck}).
 */
package org.santeatlas.quality.registry;
