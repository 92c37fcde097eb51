package org.suanli.catalog;

import io.restassured.response.Response;

import java.util.List;
import java.util.Map;

import static org.suanli.catalog.Api.as;

/**
 * The two approved demo partners the offering tests work with, brought there through the real API
 * (idempotent: every test class may ask, the first one does it). partner3 is left to the vetting test.
 */
public final class Fixtures {

    public static final String ASCEND = "ptn-hz-ascend";
    public static final String ASCEND_USER = "partner1";
    public static final String ASCEND_FACILITY = "fac-t-ascend-yuhang";
    public static final String ASCEND_MODEL = "Ascend 910B";

    public static final String GPU = "ptn-yuhang-gpu";
    public static final String GPU_USER = "partner2";
    public static final String GPU_FACILITY = "fac-t-gpu-yuhang";

    private Fixtures() {
    }

    public static synchronized void partnersApproved() {
        ensure(ASCEND_USER, ASCEND, Map.of("name", "杭州城西昇腾智算有限公司", "creditCode", "91330110MA2H4K7Q6F",
                "facilities", List.of(Map.of("id", ASCEND_FACILITY, "name", "余杭昇腾智算中心", "district", "余杭区",
                        "pue", 1.18, "accelerators", List.of(Map.of("model", ASCEND_MODEL, "count", 2048))))), "DOMESTIC");
        ensure(GPU_USER, GPU, Map.of("name", "杭州余杭GPU算力服务有限公司", "creditCode", "91330114MA7B8GR2XQ",
                "facilities", List.of(Map.of("id", GPU_FACILITY, "name", "未来科技城GPU中心", "district", "余杭区",
                        "pue", 1.28, "accelerators", List.of(Map.of("model", "H100 SXM5", "count", 256),
                                Map.of("model", "A800 80GB", "count", 512), Map.of("model", "L40S", "count", 256))))), "OTHER");
    }

    private static void ensure(String user, String partnerId, Map<String, Object> application, String type) {
        Response me = as(user).get("/api/partners/me");
        String status = me.statusCode() == 404 ? null : me.path("status");
        if (status == null) {
            as(user).body(application).put("/api/partners/me").then().statusCode(200);
            status = "PENDING";
        }
        if (status.equals("PENDING")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> facilities = (List<Map<String, Object>>) application.get("facilities");
            List<Map<String, Object>> vetting = facilities.stream().map(f -> Map.<String, Object>of(
                    "facilityId", f.get("id"), "type", type, "checkedPue", 1.30,
                    "secureAndControllable", true, "pricingReasonable", true)).toList();
            as("admin1").body(Map.of("reason", "vetted on site", "facilities", vetting))
                    .post("/api/partners/" + partnerId + "/approve").then().statusCode(200);
        }
    }

    /** Creates and publishes an offering through the API; returns its id. */
    public static String published(String user, Map<String, Object> body) {
        String id = as(user).body(body).post("/api/partners/me/offerings").then().statusCode(201).extract().path("id");
        as(user).post("/api/partners/me/offerings/" + id + "/publish").then().statusCode(200);
        return id;
    }
}
