package org.suanli.order.support;

import org.eclipse.microprofile.config.ConfigProvider;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.testing.KafkaProbe;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Plays catalog-service and voucher-service on the real broker: their answers, as envelopes on this test
 * run's own (prefixed) topics, keyed as they key them (catalog by offering, voucher by order).
 */
public final class Neighbours {

    private Neighbours() {
    }

    public static String prefix() {
        return ConfigProvider.getConfig().getOptionalValue("kernel.events.topic-prefix", String.class).orElse("");
    }

    public static String envelope(EventCodec codec, String type, String aggregateId, String correlationId, String source, Object payload) {
        return codec.write(new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), aggregateId, correlationId,
                source, codec.mapper().valueToTree(payload)));
    }

    public static String capacity(EventCodec codec, String type, String orderId, String offeringId, long tenths, String reason) {
        return envelope(codec, type, offeringId, orderId, "catalog-service",
                new CatalogEvents.Capacity(orderId, offeringId, tenths, reason));
    }

    public static String held(EventCodec codec, String orderId, String buyerId, int suanliBp, long suanliFen,
                              int zhinengBp, long zhinengFen, List<String> reasons) {
        return envelope(codec, VoucherEvents.HELD, orderId, orderId, "voucher-service", new VoucherEvents.Held(orderId,
                buyerId, 2026, "HZ-2025", suanliBp, zhinengBp, suanliFen, zhinengFen, reasons));
    }

    public static void toCatalogTopic(String offeringId, String json) {
        KafkaProbe.send(prefix() + Topics.CATALOG, offeringId, json);
    }

    public static void toVoucherTopic(String orderId, String json) {
        KafkaProbe.send(prefix() + Topics.VOUCHERS, orderId, json);
    }
}
