package org.santeatlas.core.store;

import java.util.Objects;

/** The identifier scheme of each kind of reference in a data file. */
public record IdSchemes(IdScheme dataElement, IdScheme orgUnit, IdScheme categoryOptionCombo) {

    public static final IdSchemes AUTO = all(IdScheme.AUTO);

    public IdSchemes {
        Objects.requireNonNull(dataElement);
        Objects.requireNonNull(orgUnit);
        Objects.requireNonNull(categoryOptionCombo);
    }

    /** DHIS2's {@code idScheme}: one scheme for every kind. */
    public static IdSchemes all(IdScheme scheme) {
        return new IdSchemes(scheme, scheme, scheme);
    }

    public IdSchemes withDataElement(IdScheme s) {
        return new IdSchemes(s, orgUnit, categoryOptionCombo);
    }

    public IdSchemes withOrgUnit(IdScheme s) {
        return new IdSchemes(dataElement, s, categoryOptionCombo);
    }

    public IdSchemes withCategoryOptionCombo(IdScheme s) {
        return new IdSchemes(dataElement, orgUnit, s);
    }
}
