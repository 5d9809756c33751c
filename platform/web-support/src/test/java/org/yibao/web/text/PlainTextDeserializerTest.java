package org.yibao.web.text;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainTextDeserializerTest {

    private final JsonMapper json = JsonMapper.builder().addModule(PlainTextDeserializer.module()).build();

    record Person(String name, String reason) {
    }

    @Test
    void namesAndReasonsInChineseWithLineBreaksAndAMiddleDotAreText() {
        Person p = json.readValue("{\"name\":\"阿沛·阿旺晋美\",\"reason\":\"第一行\\n第二行\\t备注\"}", Person.class);

        assertThat(p.name()).isEqualTo("阿沛·阿旺晋美");
        assertThat(p.reason()).contains("\n");
    }

    /** Found by the independent review: U+202E and U+200B were accepted in names (U+0000 was refused). */
    @Test
    void controlAndInvisibleFormattingCharactersAreRefusedNamingTheField() {
        for (String odd : new String[] {"张\\u0000三", "张三\\u202Eabc", "张\\u200B三", "张\\uFEFF三", "\\uD800", "张\\uFFFD三", "a\\u0007"}) {
            assertThatThrownBy(() -> json.readValue("{\"name\":\"" + odd + "\"}", Person.class)).as(odd)
                    .isInstanceOf(DatabindException.class)
                    .satisfies(e -> assertThat(((DatabindException) e).getPath().get(0).getPropertyName()).isEqualTo("name"));
        }
    }
}
