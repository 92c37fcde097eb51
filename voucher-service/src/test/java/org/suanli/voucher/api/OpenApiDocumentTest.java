package org.suanli.voucher.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.suanli.testing.OpenApiDocument;

/** docs/openapi/voucher-service.yaml is the API this code serves (refresh: -Dopenapi.refresh=true). */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theCommittedContractIsWhatTheCodeServes() throws Exception {
        OpenApiDocument.assertCommitted("voucher-service");
    }
}
