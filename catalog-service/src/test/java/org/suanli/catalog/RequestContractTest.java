package org.suanli.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The kernel's request contract as a client of any service meets it beyond the request body (WriteContractTest). */
@QuarkusTest
class RequestContractTest {

    @Test
    void an_address_too_long_is_a_414_problem() {
        Api.as("sme1").get("/api/offerings?acceleratorModel=" + "9".repeat(9000))
                .then().statusCode(414).contentType(Api.PROBLEM)
                .body("status", equalTo(414)).body("detail", containsString("at most 8192"));
    }

    @Test
    void headers_too_large_are_a_431_problem() {
        Api.as("sme1").header("X-Padding", "p".repeat(20_000)).get("/api/offerings")
                .then().statusCode(431).contentType(Api.PROBLEM).body("detail", containsString("at most 16384"));
    }

    @Test
    void a_read_asked_for_in_xml_is_a_406_problem() {
        Api.as("sme1").accept("application/xml").get("/api/offerings")
                .then().statusCode(406).contentType(Api.PROBLEM).body("status", equalTo(406));
    }

    @Test
    void parameters_are_named_when_they_cannot_be_read() {
        Api.as("sme1").get("/api/offerings?size=lots").then().statusCode(400).contentType(Api.PROBLEM)
                .body("detail", equalTo("parameter 'size' must be a whole number, not 'lots'"));
        Api.as("sme1").get("/api/offerings?category=GPU").then().statusCode(400)
                .body("detail", equalTo("parameter 'category' must be one of COMPUTE, MODEL_SERVICE, not 'GPU'"));
        Api.as("admin1").get("/api/partners?status=%00").then().statusCode(400).contentType(Api.PROBLEM);
    }

    @Test
    void a_path_that_does_not_exist_is_said_in_words() {
        Api.as("sme1").get("/api/nothing-here").then().statusCode(404).contentType(Api.PROBLEM)
                .body("detail", equalTo("there is nothing at /api/nothing-here"));
    }
}
