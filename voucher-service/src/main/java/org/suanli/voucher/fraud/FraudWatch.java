package org.suanli.voucher.fraud;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.suanli.kernel.jdbc.CopyRows;
import org.suanli.voucher.audit.AuditTrail;
import org.suanli.voucher.policybook.PolicyBook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the fraud signals on the contracts a batch of holds just decided, on facts kept in this service (earlier
 * contracts of the parties, the offerings' prices, the parties' particulars), and writes what they raised with
 * its evidence and an audit entry, in the holds' own transaction. A batch costs a few array queries and one
 * COPY, whatever its size; nothing here calls another service.
 */
@ApplicationScoped
public class FraudWatch {

    /** Who raises a signal in the audit trail: the hold's decision, not a person. */
    static final String SYSTEM = "voucher-service";
    /** The audit action of a raised signal: for officials only, never in what buyers or partners read. */
    public static final String AUDIT_ACTION = "FRAUD_SIGNAL_RAISED";
    /**
     * Earlier contracts looked at per pair of parties (the latest): a split is a few pieces, and whatever a pair
     * does, a batch reads and compares a bounded number of rows per contract.
     */
    static final int EARLIER_PER_PAIR = 50;
    /** Related orders stored per signal (the latest): the evidence says how many there are in all. */
    static final int RELATED_KEPT = 50;

    /**
     * A contract just decided. {@code contract} is null when the signals cannot name both parties (a buyer not
     * in the registry, a manual hold without the seller's credit code): such a contract is neither watched nor
     * remembered. {@code lineFen}: the SME line and the buyer's cap of the policy in force, where it has them.
     */
    public record Decided(ContractSeen contract, String buyerId, String partnerId, int programYear, Party buyer,
                          boolean recordedAsRelated, List<Long> lineFen) {
    }

    /** A signal as stored: on which order, with its evidence. */
    public record Raised(String orderId, String buyerId, String partnerId, int programYear, Signal signal, Instant at) {
    }

    @Inject
    EntityManager em;

    @Inject
    FraudConfig config;

    @Inject
    AuditTrail audit;

    /**
     * Computes and stores the signals of the batch's contracts, each on what came before it (the stored
     * contracts and those earlier in the batch), and remembers the contracts for later ones. Only a contract
     * with a subsidy is watched — where no money moves there is nothing to protect — but every one is
     * remembered, since a piece that earned nothing is still a piece of a split.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Raised> decided(List<Decided> batch) {
        List<Decided> known = batch.stream().filter(d -> d.contract() != null).toList();
        if (known.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        List<Raised> raised = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            // By pair (buyer → seller): a contract is compared with its own pair's and the reversed pair's only.
            Map<List<String>, List<ContractSeen>> byPair = new HashMap<>();
            for (ContractSeen e : earlier(c, known)) {
                byPair.computeIfAbsent(List.of(e.buyerCreditCode(), e.sellerCreditCode()), p -> new ArrayList<>()).add(e);
            }
            Map<String, List<PricePoint>> prices = new HashMap<>();
            for (PricePoint p : prices(c, known)) {
                prices.computeIfAbsent(p.offeringId(), o -> new ArrayList<>()).add(p);
            }
            Map<String, Party> sellers = sellers(c, known);
            for (Decided d : known) {
                ContractSeen k = d.contract();
                List<ContractSeen> same = byPair.computeIfAbsent(List.of(k.buyerCreditCode(), k.sellerCreditCode()), p -> new ArrayList<>());
                if (k.subsidised()) {
                    List<ContractSeen> earlier = new ArrayList<>(latest(same));
                    earlier.addAll(latest(byPair.getOrDefault(List.of(k.sellerCreditCode(), k.buyerCreditCode()), List.of())));
                    FraudSignals.Seen seen = new FraudSignals.Seen(k, earlier, d.buyer(), sellers.get(d.partnerId() + "|" + k.sellerCreditCode()),
                            d.recordedAsRelated(), k.offeringId() == null ? List.of() : prices.getOrDefault(k.offeringId(), List.of()),
                            config.terms(d.lineFen()));
                    for (Signal s : FraudSignals.raisedBy(seen)) {
                        raised.add(new Raised(k.orderId(), d.buyerId(), d.partnerId(), d.programYear(), kept(s), now));
                    }
                }
                same.add(k);
            }
            remember(c, known);
            store(c, raised);
        });
        audit.recordAll(raised.stream().map(r -> new AuditTrail.NewEntry(SYSTEM, AUDIT_ACTION, "order:" + r.orderId(),
                r.signal().code().name(), r.signal().evidence() + (r.signal().relatedOrders().isEmpty() ? ""
                        : "; orders " + String.join(", ", r.signal().relatedOrders())))).toList());
        return raised;
    }

    /** The latest {@link #EARLIER_PER_PAIR} of a pair's contracts (they are in the order they were seen). */
    private static List<ContractSeen> latest(List<ContractSeen> pair) {
        return pair.size() <= EARLIER_PER_PAIR ? pair : pair.subList(pair.size() - EARLIER_PER_PAIR, pair.size());
    }

    /** A signal with at most {@link #RELATED_KEPT} related orders, the latest. */
    private static Signal kept(Signal s) {
        List<String> related = s.relatedOrders();
        return related.size() <= RELATED_KEPT ? s
                : new Signal(s.code(), s.evidence() + " (the latest " + RELATED_KEPT + " listed)", related.subList(related.size() - RELATED_KEPT, related.size()));
    }

    /** The signals raised on an order, in the order they were raised. */
    public List<Raised> on(String orderId) {
        return on(List.of(orderId)).getOrDefault(orderId, List.of());
    }

    /** The signals raised on each of these orders (one query), by order id; an order without any is absent. */
    public Map<String, List<Raised>> on(java.util.Collection<String> orderIds) {
        Map<String, List<Raised>> by = new HashMap<>();
        if (!orderIds.isEmpty()) {
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement q = c.prepareStatement(SELECT + " where order_id = any(?) order by raised_at, code")) {
                    q.setArray(1, c.createArrayOf("text", orderIds.toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            Raised r = raised(rs);
                            by.computeIfAbsent(r.orderId(), k -> new ArrayList<>()).add(r);
                        }
                    }
                }
            });
        }
        return by;
    }

    /** Every signal of a program year (or of all years) and of holds in a status (or any), newest first, at most 1000. */
    public List<Raised> list(Integer programYear, String holdStatus) {
        String sql = SELECT + " s where (?::int is null or s.program_year = ?)"
                + " and (?::text is null or exists (select 1 from subsidy_hold h where h.order_id = s.order_id and h.status = ?))"
                + " order by s.raised_at desc, s.order_id, s.code limit 1000";
        List<Raised> found = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setObject(1, programYear, java.sql.Types.INTEGER);
                q.setObject(2, programYear, java.sql.Types.INTEGER);
                q.setString(3, holdStatus);
                q.setString(4, holdStatus);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        found.add(raised(rs));
                    }
                }
            }
        });
        return found;
    }

    /** The status of each of these orders' holds (one query). */
    public Map<String, String> holdStatuses(List<String> orderIds) {
        Map<String, String> by = new HashMap<>();
        if (!orderIds.isEmpty()) {
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement q = c.prepareStatement("select order_id, status from subsidy_hold where order_id = any(?)")) {
                    q.setArray(1, c.createArrayOf("text", orderIds.toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            by.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            });
        }
        return by;
    }

    private static final String SELECT = "select order_id, buyer_id, partner_id, program_year, code, evidence, related_orders, raised_at from fraud_signal";

    private static Raised raised(ResultSet rs) throws SQLException {
        String related = rs.getString(7);
        return new Raised(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                new Signal(SignalCode.valueOf(rs.getString(5)), rs.getString(6), related.isEmpty() ? List.of() : List.of(related.split(";"))),
                rs.getTimestamp(8).toInstant());
    }

    /**
     * Earlier contracts of the batch's pairs, both ways round (the same buyer and seller, and the seller buying
     * from the buyer), within the longer window, whose holds did not end without money (released or voided).
     */
    private List<ContractSeen> earlier(Connection c, List<Decided> batch) throws SQLException {
        Set<List<String>> pairs = new LinkedHashSet<>();
        LocalDate from = null;
        LocalDate to = null;
        for (Decided d : batch) {
            ContractSeen k = d.contract();
            pairs.add(List.of(k.buyerCreditCode(), k.sellerCreditCode()));
            pairs.add(List.of(k.sellerCreditCode(), k.buyerCreditCode()));
            from = from == null || k.contractDate().isBefore(from) ? k.contractDate() : from;
            to = to == null || k.contractDate().isAfter(to) ? k.contractDate() : to;
        }
        int back = Math.max(config.splitWindowDays(), config.roundTripWindowDays());
        List<ContractSeen> found = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                select p.order_id, p.buyer_credit_code, p.seller_credit_code, p.offering_id, p.contract_date, p.amount_fen,
                       p.unit_price_fen, p.subsidised
                from unnest(?::text[], ?::text[]) as pair(buyer, seller)
                cross join lateral (
                    select p.* from contract_party p join subsidy_hold h on h.order_id = p.order_id
                    where p.buyer_credit_code = pair.buyer and p.seller_credit_code = pair.seller
                      and p.contract_date between ? and ? and h.status not in ('RELEASED', 'VOIDED')
                    order by p.contract_date desc limit ?) p
                order by p.contract_date, p.order_id""")) {
            q.setArray(1, c.createArrayOf("text", pairs.stream().map(p -> p.get(0)).toArray()));
            q.setArray(2, c.createArrayOf("text", pairs.stream().map(p -> p.get(1)).toArray()));
            q.setObject(3, from.minusDays(back));
            q.setObject(4, to);
            q.setInt(5, EARLIER_PER_PAIR);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(new ContractSeen(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getLong(6), rs.getLong(7), rs.getBoolean(8)));
                }
            }
        }
        return found;
    }

    /** The batch's offerings' prices set in the window, and the one in force at its start. */
    private List<PricePoint> prices(Connection c, List<Decided> batch) throws SQLException {
        Set<String> offerings = new LinkedHashSet<>();
        LocalDate from = null;
        LocalDate to = null;
        for (Decided d : batch) {
            ContractSeen k = d.contract();
            if (k.subsidised() && k.offeringId() != null) {
                offerings.add(k.offeringId());
                from = from == null || k.contractDate().isBefore(from) ? k.contractDate() : from;
                to = to == null || k.contractDate().isAfter(to) ? k.contractDate() : to;
            }
        }
        if (offerings.isEmpty()) {
            return List.of();
        }
        record Announced(String offeringId, Instant at, long unitPriceFen) {
        }
        List<Announced> found = new ArrayList<>();
        // A price set on a day counts from that day on (Asia/Shanghai): the start of the window's first day, the end of the last.
        java.time.OffsetDateTime start = from.minusDays(config.priceWindowDays()).plusDays(1).atStartOfDay(PolicyBook.SHANGHAI).toOffsetDateTime();
        java.time.OffsetDateTime end = to.plusDays(1).atStartOfDay(PolicyBook.SHANGHAI).toOffsetDateTime();
        try (PreparedStatement q = c.prepareStatement("""
                select offering_id, from_at, unit_price_fen from offering_price
                where offering_id = any(?) and from_at >= ? and from_at < ?
                union all
                (select distinct on (offering_id) offering_id, from_at, unit_price_fen from offering_price
                 where offering_id = any(?) and from_at < ? order by offering_id, from_at desc)""")) {
            java.sql.Array ids = c.createArrayOf("text", offerings.toArray());
            q.setArray(1, ids);
            q.setObject(2, start);
            q.setObject(3, end);
            q.setArray(4, ids);
            q.setObject(5, start);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(new Announced(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)));
                }
            }
        }
        // A price counts from its day; of several announced on one day, the last is that day's price.
        found.sort(java.util.Comparator.comparing(Announced::at));
        Map<List<Object>, PricePoint> lastOfDay = new java.util.LinkedHashMap<>();
        for (Announced a : found) {
            LocalDate day = a.at().atZone(PolicyBook.SHANGHAI).toLocalDate();
            lastOfDay.put(List.of(a.offeringId(), day), new PricePoint(a.offeringId(), day, a.unitPriceFen()));
        }
        return new ArrayList<>(lastOfDay.values());
    }

    /**
     * The sellers' particulars, by partner id and credit code: as catalog-service announced them with the partner's
     * vetting, or else as the registry has them when the seller is also a registered buyer.
     */
    private Map<String, Party> sellers(Connection c, List<Decided> batch) throws SQLException {
        Map<String, Party> byPartner = new HashMap<>();
        Map<String, Party> byCode = new HashMap<>();
        Set<String> partners = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Decided d : batch) {
            if (d.contract().subsidised()) {
                if (d.partnerId() != null) {
                    partners.add(d.partnerId());
                }
                codes.add(d.contract().sellerCreditCode());
            }
        }
        if (codes.isEmpty()) {
            return Map.of();
        }
        try (PreparedStatement q = c.prepareStatement("""
                select partner_id, credit_code, legal_representative, address, contact from partner_particulars where partner_id = any(?)""")) {
            q.setArray(1, c.createArrayOf("text", partners.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byPartner.put(rs.getString(1), new Party(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("""
                select credit_code, legal_representative, address, contact from buyer where credit_code = any(?)""")) {
            q.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byCode.put(rs.getString(1), new Party(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        Map<String, Party> sellers = new HashMap<>();
        for (Decided d : batch) {
            String code = d.contract().sellerCreditCode();
            Party announced = byPartner.get(d.partnerId());
            // A partner announced under another credit code is another company: its particulars are not this seller's.
            Party p = announced != null && (announced.creditCode() == null || announced.creditCode().equals(code)) ? announced : byCode.get(code);
            if (p != null) {
                sellers.put(d.partnerId() + "|" + code, p);
            }
        }
        return sellers;
    }

    private static void remember(Connection c, List<Decided> batch) throws SQLException {
        CopyRows rows = new CopyRows();
        for (Decided d : batch) {
            ContractSeen k = d.contract();
            rows.text(k.orderId()).text(k.buyerCreditCode()).text(k.sellerCreditCode()).text(k.offeringId())
                    .date(k.contractDate()).number(k.amountFen()).number(k.unitPriceFen()).text(k.subsidised() ? "t" : "f").endRow();
        }
        rows.copyInto(c, "contract_party", "order_id, buyer_credit_code, seller_credit_code, offering_id, contract_date, amount_fen, unit_price_fen, subsidised");
    }

    private static void store(Connection c, List<Raised> raised) throws SQLException {
        if (raised.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows();
        for (Raised r : raised) {
            rows.text(r.orderId()).text(r.signal().code().name()).text(r.signal().evidence())
                    .text(String.join(";", r.signal().relatedOrders())).text(r.buyerId()).text(r.partnerId())
                    .number(r.programYear()).timestamp(r.at()).endRow();
        }
        rows.copyInto(c, "fraud_signal", "order_id, code, evidence, related_orders, buyer_id, partner_id, program_year, raised_at");
    }
}
