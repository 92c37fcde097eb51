package org.suanli.e2e;

import io.restassured.specification.RequestSpecification;
import org.suanli.testing.Requests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the running marketplace answers, and requests to it as a given user. */
public final class Stack {

    public static final String CATALOG = "http://127.0.0.1:8081";
    public static final String ORDER = "http://127.0.0.1:8082";
    public static final String VOUCHER = "http://127.0.0.1:8083";
    public static final String SETTLEMENT = "http://127.0.0.1:8084";

    private Stack() {
    }

    /** The topic prefix deploy/services.sh gave this run's services ("" for a plain deploy/run.sh). */
    public static String topicPrefix() {
        try {
            Path p = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), ".run", "e2e-topic-prefix");
            if (!Files.exists(p)) {
                p = Path.of("..", ".run", "e2e-topic-prefix");
            }
            return Files.exists(p) ? Files.readString(p).trim() : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    public static RequestSpecification as(String user) {
        return Requests.as(user);
    }

    public static RequestSpecification withToken(String token) {
        return Requests.withToken(token);
    }
}
