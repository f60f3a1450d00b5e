package org.santeatlas.map.data;

/** A facility type: an org unit group of the workspace, its tier and how many facilities belong to it. */
public record FacilityType(String groupUid, String code, String name, FacilityKind kind, int members) {}
