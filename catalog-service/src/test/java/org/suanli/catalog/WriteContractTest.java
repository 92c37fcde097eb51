package org.suanli.catalog;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.suanli.testing.WriteContract;

import javax.sql.DataSource;
import java.net.URL;
import java.util.List;

/** Every documented write operation refuses each class of bad request with a problem, and changes nothing. */
@QuarkusTest
class WriteContractTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @TestFactory
    List<DynamicTest> every_write_operation_refuses_each_class_of_bad_request_and_changes_nothing() {
        return WriteContract.of(base, WriteContract.tables(dataSource)).tests();
    }
}
