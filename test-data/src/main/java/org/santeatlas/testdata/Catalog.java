package org.santeatlas.testdata;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;

/**
 * The aggregate data model of the SNIS monthly report: data elements, their age disaggregation, the
 * data set, validation rules and indicators. Identifiers come from a fixed seed, so the catalogue is
 * the same for every generated country (as it would be on one DHIS2 instance).
 */
final class Catalog {

    private static final long CATALOG_SEED = 0x5A4E_7E_A71A5L;

    /** DHIS2 periodType and data set deadline: reports are timely within 15 days after the month. */
    static final String PERIOD_TYPE = "Monthly";
    static final int TIMELY_DAYS = 15;

    /** One data element of the monthly report. */
    enum De {
        CONS_EXT("SNIS_CONS_EXT", "Consultations externes curatives (nouveaux cas)", "Consultations curatives", true),
        PALU_TEST("SNIS_PALU_TEST", "Paludisme - Cas suspects testés (TDR/GE)", "Palu testés (TDR/GE)", false),
        PALU_CONF("SNIS_PALU_CONF", "Paludisme - Cas confirmés", "Palu confirmés", false),
        PALU_TRAIT("SNIS_PALU_TRAIT", "Paludisme - Cas confirmés traités par CTA", "Palu traités CTA", false),
        CPN1("SNIS_CPN1", "CPN1 - Femmes enceintes vues en 1re consultation prénatale", "CPN1", false),
        CPN2("SNIS_CPN2", "CPN2 - Femmes enceintes vues en 2e consultation prénatale", "CPN2", false),
        CPN3("SNIS_CPN3", "CPN3 - Femmes enceintes vues en 3e consultation prénatale", "CPN3", false),
        CPN4("SNIS_CPN4", "CPN4 - Femmes enceintes vues en 4e consultation prénatale", "CPN4", false),
        ACC("SNIS_ACC_ASSIST", "Accouchements assistés par du personnel qualifié", "Accouchements assistés", false),
        BCG("SNIS_PEV_BCG", "PEV - Enfants 0-11 mois vaccinés BCG", "BCG", false),
        PENTA1("SNIS_PEV_PENTA1", "PEV - Enfants 0-11 mois vaccinés Penta1", "Penta1", false),
        PENTA3("SNIS_PEV_PENTA3", "PEV - Enfants 0-11 mois vaccinés Penta3", "Penta3", false),
        RR1("SNIS_PEV_RR1", "PEV - Enfants 9-11 mois vaccinés RR1 (rougeole-rubéole, ex-VAR)", "RR1 (VAR)", false),
        VAT2("SNIS_PEV_VAT2", "PEV - Femmes enceintes vaccinées VAT2+", "VAT2+", false),
        PF("SNIS_PF_CONS", "Planification familiale - Consultations (nouvelles et anciennes utilisatrices)", "Consultations PF", false),
        MAS("SNIS_NUT_MAS_ADM", "Malnutrition aiguë sévère (MAS) - Nouvelles admissions 6-59 mois", "MAS admissions 6-59 mois", false);

        final String code;
        final String label;
        final String shortLabel;
        /** Disaggregated by age (< 5 ans / 5 ans et plus) instead of the default category combo. */
        final boolean byAge;

        De(String code, String label, String shortLabel, boolean byAge) {
            this.code = code;
            this.label = label;
            this.shortLabel = shortLabel;
            this.byAge = byAge;
        }
    }

    /**
     * A (data element, category option combo) cell of the form. Slots are the unit of data
     * generation: one value per slot per facility-month.
     */
    enum Slot {
        CONS_U5(De.CONS_EXT, 0),
        CONS_5P(De.CONS_EXT, 1),
        PALU_TEST(De.PALU_TEST, -1),
        PALU_CONF(De.PALU_CONF, -1),
        PALU_TRAIT(De.PALU_TRAIT, -1),
        CPN1(De.CPN1, -1),
        CPN2(De.CPN2, -1),
        CPN3(De.CPN3, -1),
        CPN4(De.CPN4, -1),
        ACC(De.ACC, -1),
        BCG(De.BCG, -1),
        PENTA1(De.PENTA1, -1),
        PENTA3(De.PENTA3, -1),
        RR1(De.RR1, -1),
        VAT2(De.VAT2, -1),
        PF(De.PF, -1),
        MAS(De.MAS, -1);

        final De de;
        /** Index into the age option combos, or -1 for the default combo. */
        final int ageCombo;

        Slot(De de, int ageCombo) {
            this.de = de;
            this.ageCombo = ageCombo;
        }
    }

    /** A DHIS2 identifiable object with a uid, a code and a name. */
    record Item(String uid, String code, String name, String shortName) {}

    /** A validation rule "left operator right", with DHIS2 expressions. */
    record Rule(String uid, String code, String name, String description, String leftExpression,
            String leftDescription, String rightExpression, String rightDescription, String importance,
            Slot left, Slot right) {}

    /** An indicator = numerator / denominator × factor of its type. */
    record Indicator(String uid, String code, String name, String shortName, Item type, String numerator,
            String numeratorDescription, String denominator, String denominatorDescription) {}

    final Item ageUnder5;
    final Item ageOver5;
    final Item ageCategory;
    final Item ageCombo;
    /** Option combos of {@link #ageCombo}, in the order of {@link Slot#ageCombo}. */
    final List<Item> ageOptionCombos;
    final Item dataSet;
    final List<Rule> rules;
    final Item percentType;
    final Item numberType;
    final List<Indicator> indicators;
    final Item facilityTypeGroupSet;
    final Item ownershipGroupSet;
    final List<Item> levels;

    /** Rule ids planted with violations; the MAS rule (cocUid form) is always respected. */
    final Rule malariaRule;
    final Rule pentaRule;
    final Rule ancRule;
    final Rule masRule;

    private final EnumMap<De, String> deUids = new EnumMap<>(De.class);

    /** @param usedUids identifiers taken so far; the catalogue's are added to it */
    Catalog(Set<String> usedUids) {
        Uids uids = new Uids(CATALOG_SEED, usedUids);
        for (De de : De.values()) {
            deUids.put(de, uids.next());
        }
        ageUnder5 = new Item(uids.next(), "AGE_LT5", "< 5 ans", "< 5 ans");
        ageOver5 = new Item(uids.next(), "AGE_GE5", "5 ans et plus", "5 ans et plus");
        ageCategory = new Item(uids.next(), "AGE_5", "Tranche d'âge (< 5 ans / 5 ans et plus)", "Âge <5/5+");
        ageCombo = new Item(uids.next(), "CC_AGE_5", "Tranche d'âge (< 5 ans / 5 ans et plus)", "Âge <5/5+");
        ageOptionCombos = List.of(
                new Item(uids.next(), "COC_AGE_LT5", "< 5 ans", "< 5 ans"),
                new Item(uids.next(), "COC_AGE_GE5", "5 ans et plus", "5 ans et plus"));
        dataSet = new Item(uids.next(), "SNIS_RMA", "Rapport mensuel d'activités (SNIS)", "RMA SNIS");

        String consU5 = "#{" + uid(De.CONS_EXT) + "." + ageOptionCombos.get(0).uid() + "}";
        malariaRule = new Rule(uids.next(), "VR_PALU_CONF_TEST", "Paludisme : cas confirmés ≤ cas testés",
                "Les cas de paludisme confirmés ne peuvent pas dépasser les cas suspects testés (TDR/GE).",
                ref(De.PALU_CONF), "Cas confirmés", ref(De.PALU_TEST), "Cas testés", "HIGH",
                Slot.PALU_CONF, Slot.PALU_TEST);
        pentaRule = new Rule(uids.next(), "VR_PEV_PENTA3_PENTA1", "PEV : Penta3 ≤ Penta1",
                "Le nombre d'enfants vaccinés Penta3 ne devrait pas dépasser celui des Penta1.",
                ref(De.PENTA3), "Penta3", ref(De.PENTA1), "Penta1", "MEDIUM", Slot.PENTA3, Slot.PENTA1);
        ancRule = new Rule(uids.next(), "VR_CPN4_CPN1", "CPN : CPN4 ≤ CPN1",
                "Les femmes vues en CPN4 ne devraient pas dépasser celles vues en CPN1.",
                ref(De.CPN4), "CPN4", ref(De.CPN1), "CPN1", "MEDIUM", Slot.CPN4, Slot.CPN1);
        masRule = new Rule(uids.next(), "VR_MAS_CONS_U5", "Nutrition : admissions MAS ≤ consultations < 5 ans",
                "Les nouvelles admissions MAS ne peuvent pas dépasser les consultations curatives des moins de 5 ans.",
                ref(De.MAS), "Admissions MAS", consU5, "Consultations curatives < 5 ans", "LOW",
                Slot.MAS, Slot.CONS_U5);
        rules = List.of(malariaRule, pentaRule, ancRule, masRule);

        percentType = new Item(uids.next(), "IT_PCT", "Pourcentage", "Pourcentage");
        numberType = new Item(uids.next(), "IT_NUM", "Nombre", "Nombre");
        List<Indicator> list = new ArrayList<>();
        list.add(new Indicator(uids.next(), "IND_PALU_POSITIVITE", "Paludisme - Taux de positivité (%)",
                "Taux de positivité palu", percentType, ref(De.PALU_CONF), "Cas confirmés",
                ref(De.PALU_TEST), "Cas testés"));
        list.add(new Indicator(uids.next(), "IND_PEV_ABANDON_P1P3", "PEV - Taux d'abandon Penta1-Penta3 (%)",
                "Abandon Penta1-Penta3", percentType, ref(De.PENTA1) + "-" + ref(De.PENTA3),
                "Penta1 - Penta3", ref(De.PENTA1), "Penta1"));
        list.add(new Indicator(uids.next(), "IND_CPN_DEPERDITION", "CPN - Taux de déperdition CPN1-CPN4 (%)",
                "Déperdition CPN1-CPN4", percentType, ref(De.CPN1) + "-" + ref(De.CPN4), "CPN1 - CPN4",
                ref(De.CPN1), "CPN1"));
        list.add(new Indicator(uids.next(), "IND_CONS_PART_U5", "Consultations - Part des moins de 5 ans (%)",
                "Part consultations < 5 ans", percentType, consU5, "Consultations < 5 ans",
                ref(De.CONS_EXT), "Consultations curatives"));
        list.add(new Indicator(uids.next(), "IND_PALU_TRAITES", "Paludisme - Cas confirmés traités par CTA (nombre)",
                "Palu traités CTA", numberType, ref(De.PALU_TRAIT), "Cas traités", "1", "Un"));
        indicators = List.copyOf(list);

        facilityTypeGroupSet = new Item(uids.next(), "OUGS_TYPE_FS", "Type de formation sanitaire", "Type de FS");
        ownershipGroupSet = new Item(uids.next(), "OUGS_PROPRIETAIRE", "Propriétaire (statut juridique)", "Propriétaire");
        levels = List.of(
                new Item(uids.next(), "NIV_1", "Pays", "Pays"),
                new Item(uids.next(), "NIV_2", "Région", "Région"),
                new Item(uids.next(), "NIV_3", "District sanitaire", "District sanitaire"),
                new Item(uids.next(), "NIV_4", "Aire de santé", "Aire de santé"),
                new Item(uids.next(), "NIV_5", "Formation sanitaire", "Formation sanitaire"));
    }

    /** Group of the facility-type group set, in {@link Facility.Type} order. */
    final List<Item> typeGroups = new ArrayList<>();
    /** Group of the ownership group set, in {@link Facility.Ownership} order. */
    final List<Item> ownershipGroups = new ArrayList<>();

    /** Creates the organisation unit groups; called once the org-unit uid stream is known. */
    void createGroups(Uids uids) {
        for (Facility.Type type : Facility.Type.values()) {
            typeGroups.add(new Item(uids.next(), "OUG_TYPE_" + type.groupCode, type.label, type.label));
        }
        for (Facility.Ownership owner : Facility.Ownership.values()) {
            ownershipGroups.add(new Item(uids.next(), "OUG_PROP_" + owner.groupCode, owner.label, owner.label));
        }
    }

    /** UID of the category option combo of a slot. */
    String cocUid(Slot slot) {
        return slot.ageCombo < 0 ? Uids.DEFAULT_CATEGORY_OPTION_COMBO : ageOptionCombos.get(slot.ageCombo).uid();
    }

    /** All category option combos in metadata.json, the default one included. */
    int categoryOptionComboCount() {
        return 1 + ageOptionCombos.size();
    }

    String uid(De de) {
        return deUids.get(de);
    }

    /** DHIS2 expression for the total of a data element over its category option combos. */
    private String ref(De de) {
        return "#{" + uid(de) + "}";
    }
}
