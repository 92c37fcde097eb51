package org.suanli.order.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.suanli.testing.OpenApiDocument;

/** docs/openapi/order-service.yaml is the API this code serves (refresh: -Dopenapi.refresh=true). */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theCommittedContractIsWhatTheCodeServes() throws Exception {
        OpenApiDocument.assertCommitted("order-service");
    }
}
