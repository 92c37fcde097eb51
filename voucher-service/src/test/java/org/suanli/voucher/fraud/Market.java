package org.suanli.voucher.fraud;

import io.agroal.api.AgroalDataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.testing.KafkaProbe;
import org.suanli.voucher.Api;
import org.suanli.voucher.Contracts;
import org.suanli.voucher.hold.OrderEventsFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The marketplace as the fraud signals see it, driven through the real broker: buyers registered with their
 * particulars, partners approved with theirs (catalog.partners), offerings' prices (catalog.offerings) and orders
 * placed between named parties (orders).
 */
final class Market {

    private Market() {
    }

    /** Registers an SME enterprise with its particulars (null for none). */
    static void buyer(String id, String creditCode, boolean sme, String legalRepresentative, String address, String contact) {
        Api.as("admin1").body("""
                {"name":"%s","creditCode":"%s","type":"ENTERPRISE","sme":%s,"legalRepresentative":%s,"address":%s,
                 "contact":%s,"reason":"test registration"}""".formatted(id, creditCode, sme, json(legalRepresentative),
                        json(address), json(contact)))
                .put("/api/buyers/" + id).then().statusCode(200);
    }

    /** catalog-service approved a partner, announcing the particulars it was vetted with; waits until they are known. */
    static void partnerApproved(AgroalDataSource db, String partnerId, String creditCode, String legalRepresentative,
                                String address, String contact) {
        send(CatalogEvents.PARTNERS_TOPIC, new EventEnvelope(UUID.randomUUID(), CatalogEvents.PARTNER_APPROVED, 1, Instant.now(),
                partnerId, partnerId, "catalog-service", json(new CatalogEvents.PartnerStatusChanged(partnerId, "APPROVED", "vetted",
                creditCode, legalRepresentative, address, contact))));
        awaitRow(db, "select count(*) from partner_particulars where partner_id = ?", partnerId);
    }

    /** catalog-service announced an offering's price at an instant (published or changed); waits until it is known. */
    static void price(AgroalDataSource db, String offeringId, String partnerId, long unitPriceFen, LocalDate from) {
        Instant at = from.atTime(10, 0).atZone(org.suanli.voucher.policybook.PolicyBook.SHANGHAI).toInstant();
        // A capacity answer on the same topic, which the price history must ignore.
        send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID(), CatalogEvents.CAPACITY_RESERVED, 1, at, offeringId, offeringId,
                "catalog-service", json(new CatalogEvents.Capacity("ord-x", offeringId, 10, null))));
        send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID(), CatalogEvents.OFFERING_CHANGED, 1, at, offeringId, offeringId,
                "catalog-service", json(new CatalogEvents.OfferingChanged(offeringId, partnerId, "PUBLISHED", unitPriceFen, 10_000))));
        awaitRow(db, "select count(*) from offering_price where offering_id = ? and from_at = '" + at + "'", offeringId);
    }

    /**
     * An order of domestic compute placed by {@code buyer} with partner {@code partnerId} (credit code
     * {@code partnerCreditCode}) on an offering at a unit price, for a whole amount; waits until it is held.
     */
    static String placed(String buyer, String partnerId, String partnerCreditCode, String offeringId, long unitPriceFen,
                         long amountFen, LocalDate contractDate) {
        String order = "ord-" + UUID.randomUUID();
        OrderEvents.Placed p = new OrderEvents.Placed(order, buyer, partnerId, partnerCreditCode, true, offeringId, "fac-1",
                "余杭区", "COMPUTE", "DOMESTIC", false, unitPriceFen == 0 ? 10 : amountFen * 10 / unitPriceFen, unitPriceFen,
                amountFen, Instant.now(), Instant.now().plusSeconds(86_400), "NONE", contractDate);
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.PLACED, order, p));
        Contracts.awaitStatus(order, "HELD");
        return order;
    }

    private static void send(String topic, EventEnvelope e) {
        String prefix = ConfigProvider.getConfig().getOptionalValue("kernel.events.topic-prefix", String.class).orElse("");
        try {
            KafkaProbe.send(prefix + topic, e.aggregateId(), OrderEventsFixture.json().writeValueAsString(e));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(Object payload) {
        return OrderEventsFixture.json().valueToTree(payload);
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static void awaitRow(AgroalDataSource db, String sql, String param) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
                q.setString(1, param);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() && rs.getLong(1) > 0;
                }
            }
        });
    }
}
