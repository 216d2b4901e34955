package fr.avec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code avec check --format jsonl} and {@code avec deid --format jsonl} read files produced by other programs:
 * whatever a line holds, it is accepted or refused with a usage message (exit code 2), never a stack trace.
 */
class JsonLinesFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"{\"generated\":\"", "\"sources\":[", "\"references\":", "{\"id\":", "\"text\":\"", "null", "true", "]}", "\\u0000"})
    void anyInputIsReadOrRefusedWithAMessage(String input) {
        if (input == null) {
            return;
        }
        try {
            for (CheckCommand.Request request : CheckCommand.parseJsonLines(input)) {
                assertThat(request.generated()).isNotNull();
                assertThat(request.sources()).doesNotContainNull();
            }
        } catch (UsageException refused) {
            assertThat(refused.getMessage()).startsWith("line ");
        }
        for (String line : input.split("\\R")) {
            try {
                JsonNode node = JSON.readTree(line);
                DeidCommand.idOf(node);
                assertThat(DeidCommand.textOf(node)).isNotEmpty();
            } catch (JacksonException | UsageException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }
}
