package org.suanli.order.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** The tests' handle on the catalog stand-in ({@link CatalogStub}), through its control port. */
public final class Catalog {

    /** partner1's partner_id: the stand-in's offerings are partner1's. */
    public static final String PARTNER = "ptn-hz-ascend";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Catalog() {
    }

    public static String newOfferingId() {
        return "off-" + UUID.randomUUID();
    }

    /** A published offering of approved partner1: {@code unitPrice} yuan per GPU-hour, {@code capacityLeft} hours left. */
    public static String offering(String unitPrice, String capacityLeft) {
        return offering(newOfferingId(), unitPrice, capacityLeft, "PUBLISHED", "APPROVED");
    }

    public static String offering(String id, String unitPrice, String capacityLeft, String status, String partnerStatus) {
        // catalog-service's OfferingView, including fields order-service does not read
        put(id, """
                {"id":"%s","partnerId":"%s","partnerName":"杭州昇腾算力","partnerCreditCode":"91330100MA2H3X4K5L",
                 "partnerStatus":"%s","facilityId":"fac-yh-1","facilityName":"余杭智算中心","district":"余杭区",
                 "facilityType":"DOMESTIC","category":"COMPUTE","filingNumber":null,"acceleratorModel":"Ascend 910B",
                 "acceleratorsPerUnit":8,"memoryGb":64,"fp16Tflops":320.0,
                 "unitPrice":"%s","capacity":"10000.0","capacityReserved":"0.0","capacityConsumed":"0.0",
                 "capacityLeft":"%s","validFrom":"2020-01-01T00:00:00Z","validTo":"2099-01-01T00:00:00Z",
                 "status":"%s","publishedAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}
                """.formatted(id, PARTNER, partnerStatus, unitPrice, capacityLeft, status));
        return id;
    }

    /** An id for which catalog answers with this HTTP status. */
    public static String failing(int status) {
        String id = newOfferingId();
        put(id, "HTTP " + status);
        return id;
    }

    /** The Authorization header catalog received when asked for this offering. */
    public static String authorizationSeen(String offeringId) {
        HttpResponse<String> r = call(HttpRequest.newBuilder(uri("/auth/" + offeringId)).GET().build());
        return r.statusCode() == 200 ? r.body() : null;
    }

    /** How many times catalog was asked for this offering. */
    public static int readsOf(String offeringId) {
        return Integer.parseInt(call(HttpRequest.newBuilder(uri("/reads/" + offeringId)).GET().build()).body());
    }

    /** catalog takes this long to answer each read from now on (0: at once). */
    public static void answerAfter(long millis) {
        call(HttpRequest.newBuilder(uri("/answer-millis")).PUT(HttpRequest.BodyPublishers.ofString(Long.toString(millis))).build());
    }

    public static void down() {
        call(HttpRequest.newBuilder(uri("/down")).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public static void up() {
        call(HttpRequest.newBuilder(uri("/up")).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static void put(String id, String body) {
        call(HttpRequest.newBuilder(uri("/offerings/" + id)).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static URI uri(String path) {
        return URI.create(ConfigProvider.getConfig().getValue("catalog-stub.control-url", String.class) + path);
    }

    private static HttpResponse<String> call(HttpRequest req) {
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("catalog stand-in unreachable", e);
        }
    }
}
