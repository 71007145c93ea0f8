package io.dinechat.conversation.understanding;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Intents and slots of messages written in Arabic: the table in understanding/arabic.tsv. */
class ArabicUnderstandingTests {

    static List<UtteranceTable.Utterance> utterances() {
        return UtteranceTable.load("arabic.tsv");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("utterances")
    void understands(UtteranceTable.Utterance utterance) {
        UtteranceTable.check(utterance);
    }

    @AfterAll
    static void speedNote() {
        UtteranceTable.printSpeed("arabic");
    }
}
