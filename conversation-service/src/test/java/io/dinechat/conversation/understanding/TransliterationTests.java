package io.dinechat.conversation.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Latin menu names written in Arabic letters are the same words; different names are not. */
class TransliterationTests {

    @ParameterizedTest(name = "«{0}» is «{1}»: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            مارغريتا    | margherita  | true
            مارجريتا    | margherita  | true
            تالياتيلي   | tagliatelle | true
            بوراتا      | burrata     | true
            ارانشيني    | arancini    | true
            تيراميسو    | tiramisu    | true
            ديافولا     | diavola     | true
            ليموناتا    | limonata    | true
            كابتشينو    | cappuccino  | true
            مارغريتا    | marinara    | false
            بوراتا      | burger      | false
            ديافولا     | falafel     | false
            حمص         | hummus      | false
            """)
    void readsLatinNamesWrittenInArabicLetters(String arabic, String latin, boolean same) {
        assertThat(Transliteration.sameSound(GuestText.foldPhrase(arabic), latin)).isEqualTo(same);
    }
}
