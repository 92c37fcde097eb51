package org.suanli.kernel.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.problem.Problem;
import org.suanli.kernel.problem.ProblemMappers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The strict request contract as a client meets it: what is refused, and the words of the refusal. */
class StrictJsonTest {

    enum Category { COMPUTE, MODEL_SERVICE }

    public record Accelerator(String model, Integer count) {
    }

    public record Form(String name, Integer count, Category category, LocalDate contractDate, Instant validFrom,
                       @FreeText String reason, List<Accelerator> accelerators, JsonNode parameters) {
    }

    static final ObjectMapper STRICT = StrictJson.strict(new ObjectMapper().registerModule(new JavaTimeModule()));

    /** The detail a client would read for this body. */
    static String refusal(String json) {
        try {
            STRICT.readValue(json, Form.class);
        } catch (Exception e) {
            ProblemMappers mappers = new ProblemMappers();
            Response r = e instanceof com.fasterxml.jackson.core.exc.StreamReadException s ? mappers.syntax(s, null)
                    : mappers.mapping((com.fasterxml.jackson.databind.JsonMappingException) e, null);
            assertEquals(400, r.getStatus(), json);
            String detail = ((Problem) r.getEntity()).detail();
            assertFalse(detail.matches("(?s).*(java\\.|fasterxml|Jackson|`|Exception).*"), detail);
            return detail;
        }
        return fail("accepted: " + json);
    }

    @Test
    void a_repeated_member_is_refused_naming_it_and_where() {
        assertEquals("field 'name' appears twice in the same object at line 1, column 19; each member may appear once",
                refusal("{\"name\":\"a\",\"name\":\"b\"}"));
        String nested = refusal("{\"accelerators\":[{\"model\":\"910B\",\"model\":\"H100\"}]}");
        assertTrue(nested.startsWith("field 'accelerators[0].model' appears twice"), nested);
    }

    @Test
    void content_after_the_document_is_refused() {
        assertTrue(refusal("{\"name\":\"a\"} {}").startsWith("there is more after the JSON document"));
    }

    @Test
    void no_value_changes_type_on_the_way_in() {
        assertEquals("field 'name' must be text (a JSON string), not 12345", refusal("{\"name\":12345}"));
        assertEquals("field 'name' must be text (a JSON string), not true", refusal("{\"name\":true}"));
        assertEquals("field 'count' must be a whole number, not the text \"12\"", refusal("{\"count\":\"12\"}"));
        assertEquals("field 'count' must be a whole number, not 1.5", refusal("{\"count\":1.5}"));
        assertEquals("field 'accelerators[1].count' must be a whole number, not the text \"8\"",
                refusal("{\"accelerators\":[{\"model\":\"910B\",\"count\":8},{\"model\":\"H100\",\"count\":\"8\"}]}"));
    }

    @Test
    void a_choice_lists_the_allowed_values() {
        assertEquals("field 'category' must be one of COMPUTE, MODEL_SERVICE, not 'GPU'", refusal("{\"category\":\"GPU\"}"));
        assertTrue(refusal("{\"category\":0}").startsWith("field 'category' must be one of COMPUTE, MODEL_SERVICE"));
    }

    @Test
    void text_holds_no_nul_lone_surrogate_or_control_character() {
        assertEquals("field 'name' contains a NUL character (\\u0000) at position 1", refusal("{\"name\":\"a\\u0000b\"}"));
        assertTrue(refusal("{\"name\":\"a\\ud800b\"}").startsWith("field 'name' contains an unpaired surrogate (\\uD800)"));
        assertTrue(refusal("{\"name\":\"a\\udc00\"}").contains("unpaired surrogate"));
        assertTrue(refusal("{\"name\":\"two\\nlines\"}").startsWith("field 'name' contains the control character \\u000A"));
        assertTrue(refusal("{\"reason\":\"bell\\u0007\"}").contains("only line feeds and tabs are allowed here"));
        assertTrue(refusal("{\"parameters\":{\"rates\":[\"ok\",\"b\\u0000\"]}}").startsWith("field 'parameters' at 'rates[1]' contains a NUL"));
    }

    @Test
    void free_text_may_span_lines_and_real_characters_pass() throws Exception {
        Form f = STRICT.readValue("{\"name\":\"杭州算力 \uD83D\uDE80\",\"reason\":\"第一行\\n\\t第二行\"}", Form.class);
        assertEquals("第一行\n\t第二行", f.reason());
        assertEquals("杭州算力 \uD83D\uDE80", f.name());
    }

    @Test
    void dates_are_iso_text_within_the_plausible_years() {
        assertEquals("field 'contractDate' '0001-01-01': year 1 is outside the years the marketplace accepts (2000 to 2100)",
                refusal("{\"contractDate\":\"0001-01-01\"}"));
        assertTrue(refusal("{\"validFrom\":\"9999-01-01T00:00:00Z\"}").contains("year 9999 is outside"));
        assertTrue(refusal("{\"contractDate\":20261122}").startsWith("field 'contractDate' must be a date written as text"));
        assertTrue(refusal("{\"contractDate\":\"2026-13-01\"}").startsWith("field 'contractDate' must be a date written as text"));
    }

    @Test
    void malformed_json_says_where() {
        assertTrue(refusal("{\"name\": }").startsWith("the body is not valid JSON at line 1, column 10"), refusal("{\"name\": }"));
        assertTrue(refusal("{\"name\":\"a\",\n \"count\": 1").contains("at line 2"));
    }

    @Test
    void unknown_fields_are_named_with_the_known_ones() {
        ObjectMapper m = StrictJson.strict(new ObjectMapper().registerModule(new JavaTimeModule()))
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            m.readValue("{\"accelerators\":[{\"modell\":\"x\"}]}", Form.class);
            fail("accepted");
        } catch (Exception e) {
            String detail = ((Problem) new ProblemMappers().mapping((com.fasterxml.jackson.databind.JsonMappingException) e, null)
                    .getEntity()).detail();
            assertEquals("unknown field 'accelerators[0].modell'; the fields here are count, model", detail);
        }
    }

    @Test
    void events_are_read_leniently() throws Exception {
        ObjectMapper lenient = StrictJson.lenient(STRICT);
        Form f = lenient.readValue("{\"name\":12,\"contractDate\":\"1999-01-01\",\"reason\":\"a\\u0000\"}", Form.class);
        assertEquals("12", f.name());
        assertEquals(LocalDate.of(1999, 1, 1), f.contractDate());
    }
}
