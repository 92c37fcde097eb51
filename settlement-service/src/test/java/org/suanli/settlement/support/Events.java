package org.suanli.settlement.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.eclipse.microprofile.config.ConfigProvider;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.testing.KafkaProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Builds the other services' events as they put them on Kafka (kernel envelope JSON) and sends them. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    public static String topic(String logical) {
        return ConfigProvider.getConfig().getOptionalValue("kernel.events.topic-prefix", String.class).orElse("") + logical;
    }

    /** A completed order: the partner is owed buyer + 算力券 + 智能券 = the actual amount. */
    public static OrderEvents.Completed completed(String orderId, String buyerId, String partnerId, LocalDate contractDate,
                                                  Instant completedAt, long buyerPaysFen, long suanliFen, long zhinengFen,
                                                  String facilityType, String category, String district) {
        long actual = buyerPaysFen + suanliFen + zhinengFen;
        return new OrderEvents.Completed(orderId, buyerId, partnerId, "off-" + orderId, "fac-1", district, category,
                facilityType, contractDate, actual, suanliFen, zhinengFen, buyerPaysFen, actual, "INV-" + orderId,
                completedAt);
    }

    /** As {@link #completed}, with the compute centre's name as order-service now sends it. */
    public static OrderEvents.Completed completedNamed(String orderId, String buyerId, String partnerId, String partnerName,
                                                       LocalDate contractDate, Instant completedAt, long buyerPaysFen,
                                                       long suanliFen, long zhinengFen) {
        OrderEvents.Completed c = completed(orderId, buyerId, partnerId, contractDate, completedAt, buyerPaysFen, suanliFen,
                zhinengFen, "DOMESTIC", "COMPUTE", "西湖区");
        return new OrderEvents.Completed(c.orderId(), c.buyerId(), c.partnerId(), c.offeringId(), c.facilityId(),
                c.district(), c.category(), c.facilityType(), c.contractDate(), c.actualAmountFen(), c.suanliFen(),
                c.zhinengFen(), c.buyerPaysFen(), c.partnerOwedFen(), c.invoiceNumber(), c.completedAt(), partnerName);
    }

    /** A redemption naming the buyer, as voucher-service now sends it. */
    public static void redeemedNamed(String orderId, String buyerId, String buyerName, int year, long suanli, long zhineng,
                                     Instant at) {
        send(VoucherEvents.REDEEMED, orderId, at, new VoucherEvents.Redeemed(orderId, buyerId, year, 0, suanli, zhineng,
                0, 0, buyerName));
    }

    public static String envelope(UUID id, String type, String aggregateId, Instant at, Object payload) {
        try {
            return JSON.writeValueAsString(new EventEnvelope(id, type, 1, at, aggregateId, aggregateId, "test",
                    JSON.valueToTree(payload)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends an OrderCompleted envelope; returns the JSON sent (to send it again). */
    public static String sendCompleted(OrderEvents.Completed c) {
        String json = envelope(UUID.randomUUID(), OrderEvents.COMPLETED, c.orderId(), c.completedAt(), c);
        KafkaProbe.send(topic(Topics.ORDERS), c.orderId(), json);
        return json;
    }

    public static void sendRaw(String logicalTopic, String key, String json) {
        KafkaProbe.send(topic(logicalTopic), key, json);
    }

    public static void held(String orderId, String buyerId, int year, long suanli, long zhineng, Instant at) {
        send(VoucherEvents.HELD, orderId, at, new VoucherEvents.Held(orderId, buyerId, year, "HZ-2025", 3000, 3000,
                suanli, zhineng, List.of()));
    }

    public static void redeemed(String orderId, String buyerId, int year, long suanli, long zhineng, long suanliBack,
                                long zhinengBack, Instant at) {
        send(VoucherEvents.REDEEMED, orderId, at, new VoucherEvents.Redeemed(orderId, buyerId, year, 0, suanli, zhineng,
                suanliBack, zhinengBack));
    }

    public static void released(String orderId, String buyerId, int year, long suanli, long zhineng, Instant at) {
        send(VoucherEvents.RELEASED, orderId, at, new VoucherEvents.Released(orderId, buyerId, year, suanli, zhineng,
                "CANCELLED"));
    }

    /** A clawback (追回) of part of an order's redeemed subsidy by finance1; returns the JSON sent (to send it again). */
    public static String clawedBack(String orderId, String buyerId, String partnerId, int year, long suanli, long zhineng,
                                    String reason, String evidence) {
        Instant at = Instant.now();
        String json = envelope(UUID.randomUUID(), VoucherEvents.CLAWED_BACK, orderId, at,
                new VoucherEvents.ClawedBack(orderId, buyerId, partnerId, year, suanli, zhineng, reason, evidence,
                        "finance1", at));
        KafkaProbe.send(topic(Topics.VOUCHERS), orderId, json);
        return json;
    }

    private static void send(String type, String orderId, Instant at, Object payload) {
        KafkaProbe.send(topic(Topics.VOUCHERS), orderId, envelope(UUID.randomUUID(), type, orderId, at, payload));
    }
}
