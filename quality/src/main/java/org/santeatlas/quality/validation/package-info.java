/** DHIS2 validation rules evaluated on the stored values ({@link org.santeatlas.quality.validation.ValidationRuleCheck}). */
package org.santeatlas.quality.validation;
