package org.suanli.settlement.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.suanli.kernel.jdbc.Timestamps;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;
import org.suanli.settlement.batch.SettlementBatch;
import org.suanli.settlement.client.CatalogApi;
import org.suanli.settlement.client.OrderApi;
import org.suanli.settlement.client.VoucherApi;
import org.suanli.settlement.ledger.EntryView;
import org.suanli.settlement.ledger.JournalEntry;
import org.suanli.settlement.ledger.Ledger;
import org.suanli.settlement.ledger.OrderAmounts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Assembles an order's claim dossier from order-service (the contract, decision, delivery and the order's history),
 * catalog-service (the offering's description), voucher-service (buyer identity, budget movements, audit) and this
 * service's ledger and batches; hashes its canonical JSON and records each copy handed out.
 */
@ApplicationScoped
public class DossierService {

    private static final Logger LOG = Logger.getLogger(DossierService.class);

    @Inject
    DossierSources sources;

    @Inject
    Ledger ledger;

    @Inject
    EntityManager em;

    /** A dossier with its content hash. */
    public record Issued(JsonNode dossier, String contentHash) {
    }

    /** One copy handed out: when and to whom. */
    public record Issue(Instant issuedAt, String issuedTo) {
    }

    /** The dossier as it stands now, for the caller (its buyer, its partner, an official); others get 404. */
    public Issued build(String orderId, Caller caller, String bearer) {
        OrderApi.Order o = read("order-service", "order " + orderId, () -> sources.order(orderId, bearer), true);
        if (!mayRead(o, caller)) {
            throw ProblemException.notFound("Order", orderId);
        }
        CatalogApi.Offering spec = o.offering() == null || o.offering().id() == null ? null
                : read("catalog-service", "offering " + o.offering().id(), () -> sources.offering(o.offering().id(), bearer), false);
        VoucherApi.ClaimRecord claim = read("voucher-service", "claim record of order " + orderId,
                () -> sources.claim(orderId, bearer), false);
        Dossier d = assemble(o, spec, claim);
        JsonNode tree = CanonicalJson.tree(d);
        return new Issued(tree, CanonicalJson.hash(tree));
    }

    /** Records that a copy with this hash was handed to the caller. */
    @Transactional
    public void recordIssue(String orderId, String hash, String issuedTo) {
        em.createNativeQuery("insert into dossier_issue (order_id, content_hash, issued_to) values (?1, ?2, ?3)")
                .setParameter(1, orderId).setParameter(2, hash).setParameter(3, issuedTo).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Issue> issuesOf(String orderId, String hash) {
        List<Object[]> rows = em.createNativeQuery("select issued_at, issued_to from dossier_issue "
                        + "where order_id = ?1 and content_hash = ?2 order by id").setParameter(1, orderId)
                .setParameter(2, hash).setMaxResults(100).getResultList();
        return rows.stream().map(r -> new Issue(Timestamps.instant(r[0]), (String) r[1])).toList();
    }

    static boolean mayRead(OrderApi.Order o, Caller caller) {
        if (caller.isOfficial()) {
            return true;
        }
        if (caller.is(Caller.SME)) {
            return Objects.equals(o.buyerId(), caller.enterpriseId());
        }
        if (caller.is(Caller.PARTNER)) {
            return o.offering() != null && Objects.equals(o.offering().partnerId(), caller.partnerId());
        }
        return false;
    }

    Dossier assemble(OrderApi.Order o, CatalogApi.Offering spec, VoucherApi.ClaimRecord claim) {
        OrderApi.Offering off = o.offering();
        VoucherApi.Buyer vb = claim == null ? null : claim.buyer();
        Dossier.Contract contract = new Dossier.Contract(
                new Dossier.Party(o.buyerId(), vb == null ? null : vb.name(), vb == null ? null : vb.creditCode()),
                new Dossier.Party(off.partnerId(), off.partnerName(), off.partnerCreditCode()),
                new Dossier.Offering(off.id(), off.facilityId(), off.facilityName(), off.district(), off.facilityType(),
                        off.category(), off.acceleratorModel(), off.filingNumber(),
                        spec == null ? null : spec.acceleratorsPerUnit(), spec == null ? null : spec.memoryGb(),
                        spec == null || spec.fp16Tflops() == null ? null : spec.fp16Tflops().toPlainString()),
                o.gpuHours(), o.unitPrice(), o.estimate(), o.windowStart(), o.windowEnd(), o.contractDate(), o.placedAt(),
                o.state(), o.endReason());
        OrderApi.Subsidy s = o.subsidy();
        VoucherApi.Hold h = claim == null ? null : claim.hold();
        Dossier.Decision decision = new Dossier.Decision(s == null ? null : s.policy(), s == null ? null : s.programYear(),
                s == null ? null : s.suanliRate(), s == null ? null : s.zhinengRate(), s == null ? null : s.suanliHeld(),
                s == null ? null : s.zhinengHeld(), s == null ? List.of() : s.reasons(), o.zhinengMode(),
                h == null ? null : h.status(), h == null ? null : h.suanliRedeemed(), h == null ? null : h.zhinengRedeemed());
        OrderApi.Delivery dv = o.delivery();
        OrderApi.Completion c = o.completion();
        Dossier.Delivery delivery = dv == null && c == null ? null : new Dossier.Delivery(
                dv == null ? null : dv.gpuHoursUsed(), dv == null ? null : dv.invoiceNumber(),
                dv == null ? null : dv.actualAmount(), dv == null ? null : dv.deliveredAt(),
                c == null ? null : c.buyerPays(), c == null ? null : c.suanli(), c == null ? null : c.zhineng(),
                c == null ? null : c.partnerOwed(), c == null ? null : c.completedAt());

        List<JournalEntry> entries = ledger.entriesOf(o.id());
        OrderAmounts now = entries.stream().map(JournalEntry::amounts).reduce(OrderAmounts.ZERO, OrderAmounts::plus);
        List<Dossier.Batch> batches = entries.stream().map(e -> e.batchId).distinct().sorted()
                .map(id -> em.find(SettlementBatch.class, id)).map(DossierService::batch).toList();
        Dossier.Settlement settlement = new Dossier.Settlement(Money.format(now.partnerOwedFen()),
                Money.format(now.suanliFen()), Money.format(now.zhinengFen()),
                entries.stream().map(e -> EntryView.of(e, ledger.postingsOf(e.id))).toList(), batches);

        List<VoucherApi.AuditEntry> audit = claim == null || claim.audit() == null ? List.of() : claim.audit();
        List<VoucherApi.AuditEntry> reviews = audit.stream().filter(a -> a.action() != null
                && (a.action().toLowerCase(Locale.ROOT).contains("review") || a.action().toLowerCase(Locale.ROOT).contains("approv")))
                .toList();
        return new Dossier(o.id(), contract, decision, claim == null || claim.movements() == null ? List.of() : claim.movements(),
                delivery, settlement, new Dossier.Reviews("voucher-service audit trail (review and approval actions)", reviews),
                trail(o, audit, entries, batches));
    }

    /** Every service's record of the order, oldest first. */
    private static List<Dossier.AuditLine> trail(OrderApi.Order o, List<VoucherApi.AuditEntry> audit,
                                                 List<JournalEntry> entries, List<Dossier.Batch> batches) {
        List<Dossier.AuditLine> lines = new ArrayList<>();
        if (o.history() != null) {
            for (OrderApi.History h : o.history()) {
                lines.add(new Dossier.AuditLine(h.at(), "order-service", h.actor(),
                        (h.from() == null ? "" : h.from() + " → ") + h.to(), h.reason()));
            }
        }
        for (VoucherApi.AuditEntry a : audit) {
            lines.add(new Dossier.AuditLine(instant(a.at()), "voucher-service", a.actor(), a.action(),
                    a.reason() == null ? a.detail() : a.reason() + (a.detail() == null ? "" : " — " + a.detail())));
        }
        for (JournalEntry e : entries) {
            lines.add(new Dossier.AuditLine(e.postedAt, "settlement-service", e.postedBy, "ledger " + e.kind,
                    "entry " + e.id + " in batch " + e.batchId + ": partner owed " + Money.format(e.partnerOwedFen)
                            + (e.reason == null ? "" : " — " + e.reason)
                            + (e.evidenceRef == null ? "" : " (evidence " + e.evidenceRef + ")")));
        }
        for (Dossier.Batch b : batches) {
            if (b.closedAt() != null) {
                lines.add(new Dossier.AuditLine(b.closedAt(), "settlement-service", b.closedBy(), "batch CLOSED",
                        "batch " + b.id() + " (" + b.period() + ") total " + b.total()));
            }
            if (b.approvedAt() != null) {
                lines.add(new Dossier.AuditLine(b.approvedAt(), "settlement-service", b.approvedBy(), "batch APPROVED",
                        "batch " + b.id() + " (" + b.period() + ")"));
            }
            if (b.paidAt() != null) {
                lines.add(new Dossier.AuditLine(b.paidAt(), "settlement-service", b.paidBy(), "batch PAID",
                        "batch " + b.id() + " (" + b.period() + ") paid by transfer " + b.paymentReference()));
            }
        }
        lines.sort(Comparator.comparing(Dossier.AuditLine::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Dossier.AuditLine::service).thenComparing(l -> Objects.toString(l.action(), "")));
        return lines;
    }

    private static Dossier.Batch batch(SettlementBatch b) {
        return new Dossier.Batch(b.id, b.period, b.status.name(), b.totalFen == null ? null : Money.format(b.totalFen),
                b.closedAt, b.closedBy, b.approvedAt, b.approvedBy, b.paidAt, b.paidBy, b.paymentReference);
    }

    /**
     * One read of a neighbour, its failures turned into problems: for the order itself a 404 is "not found" (order-
     * service hides others' orders that way); for the optional parts a 404 means "none" (null).
     */
    private static <T> T read(String service, String what, Supplier<T> call, boolean required) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                if (required) {
                    throw ProblemException.notFound("Order", what);
                }
                return null;
            }
            if (status == 401 || status == 403) {
                throw ProblemException.forbidden(service + " does not let you read the " + what);
            }
            LOG.warnf("%s answered %d to the dossier's read of the %s", service, status, what);
            throw new ProblemException(502, service + "-refused", service + " refused the read",
                    service + " answered HTTP " + status + " when asked for the " + what, Map.of("upstreamStatus", status));
        } catch (ProcessingException | FaultToleranceException e) {
            LOG.warnf("%s unavailable for the dossier's read of the %s: %s", service, what, e.toString());
            throw new ProblemException(503, service + "-unavailable", service + " is unavailable",
                    service + " could not be reached for the " + what + "; the dossier needs it: try again in a moment");
        }
    }

    /** voucher-service's audit time, as its JSON carries it; null when it carries none or nothing readable. */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
