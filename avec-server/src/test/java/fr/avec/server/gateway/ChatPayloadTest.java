package fr.avec.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The free text of chat payloads is found wherever OpenAI puts it, and nothing else is touched. */
class ChatPayloadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void mapsContentsPartsAndToolArgumentsButNotParameters() throws Exception {
        JsonNode request = JSON.readTree("""
                {"model":"Dupont-7b","temperature":0.2,"response_format":{"type":"json_object"},
                 "tools":[{"type":"function","function":{"name":"Dupont","parameters":{}}}],
                 "messages":[{"role":"system","content":"Tu es un assistant."},
                  {"role":"user","content":[{"type":"text","text":"Patient Dupont"},{"type":"image_url","image_url":{"url":"x"}}]},
                  {"role":"assistant","tool_calls":[{"id":"1","type":"function","function":{"name":"Dupont","arguments":"{\\"nom\\":\\"Dupont\\"}"}}]},
                  {"role":"tool","tool_call_id":"1","content":"Dupont trouvé"}]}""");
        ChatPayload.mapRequest(request, text -> text.replace("Dupont", "Martin"));

        assertThat(request.path("model").asString()).isEqualTo("Dupont-7b");
        assertThat(request.path("tools").path(0).path("function").path("name").asString()).isEqualTo("Dupont");
        assertThat(request.path("messages").path(1).path("content").path(0).path("text").asString()).isEqualTo("Patient Martin");
        assertThat(request.path("messages").path(2).path("tool_calls").path(0).path("function").path("arguments").asString())
                .isEqualTo("{\"nom\":\"Martin\"}");
        assertThat(request.path("messages").path(3).path("content").asString()).isEqualTo("Martin trouvé");
        assertThat(ChatPayload.sources(request)).containsExactly("Tu es un assistant.", "Patient Martin", "Martin trouvé");
    }

    @Test
    void mapsAnswersAndChunks() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"choices":[{"index":0,"message":{"role":"assistant","content":"Bonjour Martin",
                  "tool_calls":[{"function":{"name":"f","arguments":"{\\"p\\":\\"Martin\\"}"}}]}}]}""");
        ChatPayload.mapAnswer(answer, text -> text.replace("Martin", "Dupont"));
        assertThat(ChatPayload.answerText(answer)).isEqualTo("Bonjour Dupont");
        assertThat(answer.path("choices").path(0).path("message").path("tool_calls").path(0).path("function").path("arguments").asString())
                .isEqualTo("{\"p\":\"Dupont\"}");

        JsonNode chunk = JSON.readTree("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Mar\"}}]}");
        ChatPayload.mapChunk(chunk, text -> text + "!");
        assertThat(chunk.path("choices").path(0).path("delta").path("content").asString()).isEqualTo("Mar!");
    }
}
