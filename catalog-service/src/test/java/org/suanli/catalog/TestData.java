package org.suanli.catalog;

import org.suanli.catalog.offering.Category;
import org.suanli.catalog.offering.OfferingForm;
import org.suanli.catalog.partner.ApplicationForm;
import org.suanli.catalog.partner.ApprovalForm;
import org.suanli.catalog.partner.FacilityForm;
import org.suanli.catalog.partner.FacilityType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builders for forms and JSON bodies the tests send. */
public final class TestData {

    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestData() {
    }

    /** A fresh, well-formed unified social credit code. */
    public static String creditCode() {
        StringBuilder b = new StringBuilder("91330110");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            b.append(CODE_CHARS.charAt(r.nextInt(CODE_CHARS.length())));
        }
        return b.toString();
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static FacilityForm facility(String id, String name, String district, String model, int count) {
        return new FacilityForm(id, name, district, new BigDecimal("1.25"),
                List.of(new FacilityForm.AcceleratorForm(model, count)));
    }

    public static ApplicationForm application(String name, FacilityForm... facilities) {
        return new ApplicationForm(name, creditCode(), List.of(facilities));
    }

    public static ApprovalForm approval(FacilityType type, String... facilityIds) {
        return new ApprovalForm("vetted on site", java.util.Arrays.stream(facilityIds)
                .map(id -> new ApprovalForm.FacilityVetting(id, type, new BigDecimal("1.27"), true, true, "ok")).toList());
    }

    public static OfferingForm compute(String facilityId, String model, String price, String capacity) {
        Instant now = Instant.now();
        return new OfferingForm(facilityId, model, 8, 64, new BigDecimal("313.0"), Category.COMPUTE, null, price, capacity,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
    }

    /** A JSON body of an offering (what a partner's client sends). */
    public static Map<String, Object> offeringJson(String facilityId, String model, String price, String capacity) {
        Instant now = Instant.now();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("facilityId", facilityId);
        m.put("acceleratorModel", model);
        m.put("acceleratorsPerUnit", 8);
        m.put("memoryGb", 64);
        m.put("fp16Tflops", 313.0);
        m.put("category", "COMPUTE");
        m.put("unitPrice", price);
        m.put("capacity", capacity);
        m.put("validFrom", now.minus(Duration.ofDays(1)).toString());
        m.put("validTo", now.plus(Duration.ofDays(90)).toString());
        return m;
    }

    public static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return m;
    }
}
