package org.suanli.order.support;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What order-service has recorded to emit (its outbox) and what it has applied (its inbox), read with plain SQL. */
public final class Emitted {

    public record Row(String type, String topic, String envelope) {
    }

    private Emitted() {
    }

    public static List<Row> outbox(AgroalDataSource ds, String orderId) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select event_type, topic, envelope from outbox_event where aggregate_id = ? order by seq")) {
            ps.setString(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    public static List<String> types(AgroalDataSource ds, String orderId) {
        return outbox(ds, orderId).stream().map(Row::type).toList();
    }

    public static long count(AgroalDataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
