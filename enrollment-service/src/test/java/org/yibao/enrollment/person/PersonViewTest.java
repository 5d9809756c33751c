package org.yibao.enrollment.person;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonViewTest {

    /** Found by the second independent review: 𡒄小明 was listed as "\uD845***", half a character. */
    @Test
    void aMaskedNameKeepsItsFirstCharacterWhole() {
        assertThat(PersonView.maskName("𡒄小明")).isEqualTo("𡒄**");
        assertThat(PersonView.maskName("张三")).isEqualTo("张*");
        assertThat(PersonView.maskName("李")).isEqualTo("李*");
        assertThat(PersonView.maskName("阿沛·阿旺晋美")).isEqualTo("阿******");
    }
}
