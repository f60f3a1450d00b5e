package org.santeatlas.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(EditDistance.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.levenshtein("belgu", "belgou")).isEqualTo(1);
        assertThat(EditDistance.levenshtein("", "siza")).isEqualTo(4);
        assertThat(EditDistance.levenshtein("siza", "")).isEqualTo(4);
        assertThat(EditDistance.levenshtein("ardane", "ardane")).isZero();
        assertThat(EditDistance.levenshtein("flaw", "lawn")).isEqualTo(2);
    }

    @Test
    void isSymmetric() {
        assertThat(EditDistance.levenshtein("tillabéri", "tilaberi"))
                .isEqualTo(EditDistance.levenshtein("tilaberi", "tillabéri")).isEqualTo(2);
    }
}
