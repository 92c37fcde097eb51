package org.suanli.voucher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.voucher.hold.OrderEventsFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** A contract's life driven as order-service drives it (order events on the real broker), and what it left behind. */
public final class Contracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Contracts() {
    }

    /** Sets a program year's budget as admin1. */
    public static void budget(String program, int year, String yuan) {
        Api.as("admin1").body("{\"budget\":\"" + yuan + "\",\"reason\":\"test year\"}").put("/api/budgets/" + program + "/" + year)
                .then().statusCode(200);
    }

    /** An order placed for domestic COMPUTE; waits until it is held. */
    public static void placed(String order, String buyer, long amountFen, LocalDate contractDate, String zhinengMode) {
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.PLACED, order,
                OrderEventsFixture.placed(order, buyer, "COMPUTE", "DOMESTIC", amountFen, contractDate, zhinengMode)));
        awaitStatus(order, "HELD");
    }

    /** The partner's delivery report on the actual amount; waits until the hold has moved to {@code status}. */
    public static void delivered(String order, long actualAmountFen, String status) {
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.DELIVERED, order,
                new OrderEvents.Delivered(order, "off-1", 1000, 1000, actualAmountFen, "INV-" + order)));
        awaitStatus(order, status);
    }

    public static void awaitStatus(String order, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(Api.as("admin1").get("/api/holds/" + order).then().extract().path("status")));
    }

    /** One program year's figures as /api/budgets shows them. */
    public static String figure(int year, String program, String field) {
        return Api.as("finance1").get("/api/budgets?year=" + year).then().statusCode(200).extract()
                .path("find { it.program == '" + program + "' }." + field);
    }

    /** One buyer's year as /api/budgets/{year}/buyers shows it. */
    public static String usage(int year, String buyer, String field) {
        return Api.as("finance1").get("/api/budgets/" + year + "/buyers").then().statusCode(200).extract()
                .path("find { it.buyerId == '" + buyer + "' }." + field);
    }

    /** An event recorded in the outbox for an order: its type and payload. */
    public record Recorded(String type, JsonNode payload) {
    }

    /** The events recorded for an order, in the order they were written. */
    public static List<Recorded> events(AgroalDataSource db, String order) {
        List<Recorded> found = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("select event_type, envelope from outbox_event where aggregate_id = ? order by seq")) {
            q.setString(1, order);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(new Recorded(rs.getString(1), JSON.readTree(rs.getString(2)).path("payload")));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    public static List<String> eventTypes(AgroalDataSource db, String order) {
        return events(db, order).stream().map(Recorded::type).toList();
    }
}
