package io.dinechat.conversation.understanding;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Intents and slots of messages written in French: the table in understanding/french.tsv. */
class FrenchUnderstandingTests {

    static List<UtteranceTable.Utterance> utterances() {
        return UtteranceTable.load("french.tsv");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("utterances")
    void understands(UtteranceTable.Utterance utterance) {
        UtteranceTable.check(utterance);
    }

    @AfterAll
    static void speedNote() {
        UtteranceTable.printSpeed("french");
    }
}
