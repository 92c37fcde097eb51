package org.suanli.voucher.hold;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.eclipse.microprofile.config.ConfigProvider;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.testing.KafkaProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Order events as order-service publishes them, sent to this test run's own orders topic. */
public final class OrderEventsFixture {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The JSON mapper events are written with, as order-service's. */
    public static ObjectMapper json() {
        return JSON;
    }

    public static String ordersTopic() {
        return ConfigProvider.getConfig().getOptionalValue("kernel.events.topic-prefix", String.class).orElse("") + Topics.ORDERS;
    }

    public static EventEnvelope envelope(String type, String orderId, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), orderId, orderId, "order-service",
                JSON.valueToTree(payload));
    }

    public static void send(EventEnvelope e) {
        try {
            KafkaProbe.send(ordersTopic(), e.aggregateId(), JSON.writeValueAsString(e));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static OrderEvents.Placed placed(String orderId, String buyerId, String category, String facilityType,
                                     long amountFen, LocalDate contractDate, String zhinengMode) {
        return new OrderEvents.Placed(orderId, buyerId, "ptn-hz-ascend", "91330110MA2B0PA001", true, "off-1", "fac-1",
                "余杭区", category, facilityType, false, 1000, amountFen / 100, amountFen,
                Instant.now(), Instant.now().plusSeconds(86_400), zhinengMode, contractDate);
    }
}
