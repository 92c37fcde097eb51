package org.suanli.voucher.hold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.outbox.Outbox;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.voucher.metrics.VoucherMetrics;
import org.suanli.voucher.budget.BudgetAccount;
import org.suanli.voucher.budget.EnterpriseYear;
import org.suanli.voucher.budget.EnterpriseYears;
import org.suanli.voucher.budget.Program;
import org.suanli.voucher.budget.ProgramBudgets;
import org.suanli.voucher.buyer.Buyer;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.PolicyEngine;
import org.suanli.voucher.policy.PolicyVersion;
import org.suanli.voucher.policy.Redemption;
import org.suanli.voucher.policy.SubsidyDecision;
import org.suanli.voucher.policy.SubsidyRequest;
import org.suanli.voucher.policybook.PolicyBook;
import org.suanli.voucher.fraud.ContractSeen;
import org.suanli.voucher.fraud.FraudConfig;
import org.suanli.voucher.fraud.FraudWatch;
import org.suanli.voucher.fraud.Party;
import org.suanli.voucher.review.ClaimReviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hold, redeem and release: the subsidy's two-phase life (POLICY.md, "The contract's life").
 *
 * <p>Every use case locks the year's budget rows first, then the buyers' rows, decides in memory with
 * what is really left, and writes each row once. Holds come in batches (one transaction for many
 * contracts): the hot budget row is locked and written once per batch instead of once per contract, and
 * only for the last, short step of the batch (see {@link #holdAll}).
 */
@ApplicationScoped
public class HoldService {

    private static final Logger LOG = Logger.getLogger(HoldService.class);
    /** Reason given when the buyer is not in the registry: nothing can be decided for it. */
    public static final String BUYER_NOT_REGISTERED = "BUYER_NOT_REGISTERED";

    @Inject
    EntityManager em;

    @Inject
    PolicyBook policies;

    @Inject
    ProgramBudgets budgets;

    @Inject
    EnterpriseYears enterprises;

    @Inject
    Outbox outbox;

    @Inject
    ClaimReviews reviews;

    @Inject
    VoucherMetrics metrics;

    @Inject
    FraudWatch fraud;

    @Inject
    FraudConfig fraudConfig;

    /** The result of asking to hold: the hold as it stands, whether this call created it, or why it could not. */
    public record Outcome(HoldCommand command, SubsidyHold hold, boolean created, String conflict) {
    }

    @Transactional(dontRollbackOn = ProblemException.class)
    public Outcome hold(HoldCommand command) {
        return holdAll(List.of(command)).get(0);
    }

    /** Holds for many contracts at once, in order. Replays return the existing hold; other figures for a held order are a conflict. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public List<Outcome> holdAll(List<HoldCommand> commands) {
        long t0 = System.nanoTime();
        PolicyEngine engine = policies.engine();
        List<String> ids = commands.stream().map(HoldCommand::orderId).distinct().toList();
        // Replays are rare: find which orders are held already with one array query, load only those.
        Map<String, SubsidyHold> known = new HashMap<>();
        List<String> held = HoldRows.existing(em, ids);
        if (!held.isEmpty()) {
            em.createQuery("from SubsidyHold where orderId in :ids", SubsidyHold.class).setParameter("ids", held)
                    .getResultList().forEach(h -> known.put(h.orderId, h));
        }
        Map<String, Buyer> buyers = new HashMap<>();
        List<String> buyerIds = commands.stream().map(HoldCommand::buyerId).distinct().toList();
        em.createQuery("select distinct b from Buyer b left join fetch b.relatedPartyCreditCodes where b.id in :ids", Buyer.class)
                .setParameter("ids", buyerIds)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true) // read, never written here: no dirty checks
                .getResultList().forEach(b -> buyers.put(b.id, b));
        // Detached: every native query below would otherwise make Hibernate walk them all before it runs.
        buyers.values().forEach(em::detach);

        Outcome[] outcomes = new Outcome[commands.size()];
        Map<Integer, List<Integer>> freshByYear = new TreeMap<>();
        Map<String, Integer> firstInBatch = new HashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            HoldCommand c = commands.get(i);
            SubsidyHold existing = known.get(c.orderId());
            Integer earlier = firstInBatch.putIfAbsent(c.orderId(), i);
            if (existing != null || earlier != null) {
                outcomes[i] = existing != null ? replay(c, existing) : null; // resolved after the first is held
                continue;
            }
            freshByYear.computeIfAbsent(c.contractDate().getYear(), y -> new ArrayList<>()).add(i);
        }

        // Decide first on the figures as they stand and write the rows, without holding any lock; then
        // lock the budget and the buyers' rows and decide again on the real figures. Almost always the
        // decisions agree and only that short last step is serialised between replicas. When they do not
        // (a concurrent batch took the last of a budget or moved a buyer across a threshold), the
        // provisional rows are rolled back and the batch is held again under the locks.
        Instant now = Instant.now();
        Map<Integer, Map<String, Long>> caps = capsByYear(engine, commands, freshByYear, buyers);
        Decided provisional = decideAll(engine, commands, freshByYear, buyers, caps, now, false);
        HoldRows.savepoint(em);
        record(provisional.holds(), now);
        Decided settled = decideAll(engine, commands, freshByYear, buyers, caps, now, true);
        boolean moved = !SubsidyHold.sameDecisions(provisional.holds(), settled.holds());
        if (moved) {
            HoldRows.rollbackToSavepoint(em); // also lets go of the locks taken since: take them again
            settled = decideAll(engine, commands, freshByYear, buyers, caps, now, true);
            record(settled.holds(), now);
        }
        for (YearFigures f : settled.figures().values()) {
            f.accounts().values().forEach(budgets::write);
            enterprises.write(f.buyers().values());
        }
        List<SubsidyHold> created = settled.holds();
        watch(engine, commands, freshByYear, created, buyers);
        LOG.debugf("held %d in %d ms%s", created.size(), (System.nanoTime() - t0) / 1_000_000,
                moved ? " (figures moved since they were read: held again under the locks)" : "");
        for (SubsidyHold h : created) {
            known.put(h.orderId, h);
        }
        int next = 0;
        for (Map.Entry<Integer, List<Integer>> year : freshByYear.entrySet()) {
            for (int i : year.getValue()) {
                outcomes[i] = new Outcome(commands.get(i), created.get(next++), true, null);
            }
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = replay(commands.get(i), known.get(commands.get(i).orderId()));
            }
        }
        return List.of(outcomes);
    }

    /**
     * The fraud signals of the decided contracts (docs/POLICY.md "Fraud signals"), on the final decisions: they
     * change no figure here; what they raise decides only what happens at delivery ({@link #redeem}).
     */
    private void watch(PolicyEngine engine, List<HoldCommand> commands, Map<Integer, List<Integer>> freshByYear,
                       List<SubsidyHold> created, Map<String, Buyer> buyers) {
        List<FraudWatch.Decided> decided = new ArrayList<>(created.size());
        int next = 0;
        for (List<Integer> year : freshByYear.values()) {
            for (int i : year) {
                HoldCommand c = commands.get(i);
                SubsidyHold h = created.get(next++);
                Buyer b = buyers.get(c.buyerId());
                if (b == null || c.partnerCreditCode() == null) {
                    continue; // neither party can be named: nothing to compare
                }
                PolicyVersion v = engine.versionOn(c.contractDate()).orElse(null);
                List<Long> lines = new ArrayList<>(2);
                if (v != null) {
                    v.parameters().suanli().smeBoostTerms().ifPresent(boost -> lines.add(boost.declaredCeilingFen()));
                    long cap = capFor(b, v);
                    if (cap != Money.MAX_FEN) {
                        lines.add(cap);
                    }
                }
                decided.add(new FraudWatch.Decided(new ContractSeen(c.orderId(), b.creditCode, c.partnerCreditCode(),
                        c.offeringId(), c.contractDate(), c.amountFen(), c.unitPriceFen(), h.suanliHeldFen + h.zhinengHeldFen > 0),
                        c.buyerId(), c.partnerId(), h.programYear, new Party(b.creditCode, b.legalRepresentative, b.address, b.contact),
                        b.isRelatedTo(c.partnerCreditCode()), lines));
            }
        }
        fraud.decided(decided);
    }

    /** A year's figures a batch decides on: both programs' budgets and the buyers' rows. */
    private record YearFigures(Map<Program, BudgetAccount> accounts, Map<String, EnterpriseYear> buyers) {
    }

    /** Decisions in the order of the fresh contracts, year by year, and the figures they were taken on. */
    private record Decided(List<SubsidyHold> holds, Map<Integer, YearFigures> figures) {
    }

    /**
     * Decides every fresh contract, year by year in ascending order (the global lock order), each on what
     * the contracts before it left. {@code locked}: on locked rows, whose new figures are then written by
     * the caller; otherwise on the rows as they stand.
     */
    private Decided decideAll(PolicyEngine engine, List<HoldCommand> commands, Map<Integer, List<Integer>> freshByYear,
                              Map<String, Buyer> buyers, Map<Integer, Map<String, Long>> caps, Instant now, boolean locked) {
        List<SubsidyHold> decided = new ArrayList<>();
        Map<Integer, YearFigures> figures = new TreeMap<>();
        for (Map.Entry<Integer, List<Integer>> year : freshByYear.entrySet()) {
            int y = year.getKey();
            PolicyVersion yearVersion = engine.versionOn(LocalDate.of(y, 12, 31)).orElse(null);
            long suanliDefault = defaultBudget(yearVersion, true);
            long zhinengDefault = defaultBudget(yearVersion, false);
            YearFigures f = locked
                    ? new YearFigures(budgets.lockYear(y, suanliDefault, zhinengDefault), enterprises.lock(y, caps.get(y)))
                    : new YearFigures(budgets.peekYear(y, suanliDefault, zhinengDefault), enterprises.peek(y, caps.get(y)));
            figures.put(y, f);
            for (int i : year.getValue()) {
                HoldCommand c = commands.get(i);
                decided.add(decideAndHold(engine, c, buyers.get(c.buyerId()), f.accounts(), f.buyers().get(c.buyerId()), now));
            }
        }
        return new Decided(decided, figures);
    }

    /** Per year, the cap each buyer of the batch has (rule 7), as the buyers' rows must carry it. */
    private static Map<Integer, Map<String, Long>> capsByYear(PolicyEngine engine, List<HoldCommand> commands,
                                                              Map<Integer, List<Integer>> freshByYear, Map<String, Buyer> buyers) {
        Map<Integer, Map<String, Long>> caps = new TreeMap<>();
        freshByYear.forEach((year, indices) -> {
            Map<String, Long> ofYear = caps.computeIfAbsent(year, y -> new LinkedHashMap<>());
            for (int i : indices) {
                HoldCommand c = commands.get(i);
                Buyer b = buyers.get(c.buyerId());
                if (b != null) {
                    ofYear.merge(b.id, capFor(b, engine.versionOn(c.contractDate()).orElse(null)), Math::max);
                }
            }
        });
        return caps;
    }

    /** New holds, their ledger lines and their events, each kind in one COPY: this is the hot path. */
    private void record(List<SubsidyHold> created, Instant now) {
        List<BudgetMovement> lines = new ArrayList<>();
        List<Outbox.NewEvent> events = new ArrayList<>();
        for (SubsidyHold h : created) {
            lines.addAll(movementsOf(h, BudgetMovement.Kind.HOLD, h.suanliHeldFen, h.zhinengHeldFen, now));
            events.add(new Outbox.NewEvent(Topics.VOUCHERS, VoucherEvents.HELD, h.orderId, h.orderId,
                    new VoucherEvents.Held(h.orderId, h.buyerId, h.programYear, h.policyCode, h.suanliRateBp,
                            h.zhinengRateBp, h.suanliHeldFen, h.zhinengHeldFen, h.reasonList())));
        }
        HoldRows.insert(em, created, lines);
        outbox.recordAll(events);
        metrics.moved(lines, (int) created.stream().filter(h -> h.reasons != null && h.reasons.contains(org.suanli.voucher.policy.ReasonCode.ENTERPRISE_CAP.name())).count());
    }

    private Outcome replay(HoldCommand c, SubsidyHold existing) {
        if (c.sameContractAs(existing)) {
            return new Outcome(c, existing, false, null);
        }
        return new Outcome(c, existing, false, "order " + c.orderId()
                + " already has a subsidy hold with other figures (one claim per contract)");
    }

    private SubsidyHold decideAndHold(PolicyEngine engine, HoldCommand c, Buyer buyer, Map<Program, BudgetAccount> accounts,
                                      EnterpriseYear ey, Instant now) {
        SubsidyHold h = new SubsidyHold();
        h.orderId = c.orderId();
        h.buyerId = c.buyerId();
        h.programYear = c.contractDate().getYear();
        h.contractDate = c.contractDate();
        h.category = c.category();
        h.facilityType = c.facilityType();
        h.zhinengMode = c.zhinengMode();
        h.partnerId = c.partnerId();
        h.estimatedAmountFen = c.amountFen();
        h.status = SubsidyHold.Status.HELD;
        h.createdAt = now;
        h.updatedAt = now;
        if (buyer == null) {
            h.policyCode = engine.versionOn(c.contractDate()).map(PolicyVersion::code).orElse(PolicyEngine.NO_POLICY_CODE);
            h.reasons = BUYER_NOT_REGISTERED;
            return h;
        }
        BudgetAccount suanli = accounts.get(Program.SUANLI);
        BudgetAccount zhineng = accounts.get(Program.ZHINENG);
        SubsidyDecision d = engine.decide(new SubsidyRequest(c.contractDate(), buyer.type, buyer.sme, buyer.foundationModel,
                buyer.foundationModel ? buyer.capOverrideFen : null, c.category(), c.facilityType(), c.filedModel(),
                c.amountFen(), ey.declaredFen(), ey.suanliUsedFen(), suanli.remainingFen(), c.zhinengMode(),
                zhineng.remainingFen(), c.partnerApproved(), buyer.isRelatedTo(c.partnerCreditCode())));
        h.policyCode = d.policyCode();
        h.suanliRateBp = d.suanliRateBp();
        h.zhinengRateBp = d.zhinengRateBp();
        h.suanliHeldFen = d.suanliGrantedFen();
        h.zhinengHeldFen = d.zhinengGrantedFen();
        h.reasons = d.reasonsJoined();
        // Rule 5 counts the COMPUTE contracts a buyer declares in the year, whatever they earned.
        h.declaredFen = c.category() == Category.COMPUTE && !PolicyEngine.NO_POLICY_CODE.equals(d.policyCode()) ? c.amountFen() : 0;
        suanli.hold(h.suanliHeldFen);
        zhineng.hold(h.zhinengHeldFen);
        ey.hold(h.suanliHeldFen, h.declaredFen);
        return h;
    }

    /**
     * Redeem on the delivered amount with the locked rates; the unused part of the hold goes back. Idempotent
     * per order. A claim above the review threshold, or one a fraud signal was raised on while
     * {@code voucher.fraud.on-signal=review}, is not redeemed yet: it waits in review, held in full
     * ({@link ClaimReviews}), and is redeemed by {@link #settle} once approved.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public SubsidyHold redeem(String orderId, long actualAmountFen) {
        if (actualAmountFen < 0) {
            throw ProblemException.badRequest("the actual amount cannot be negative");
        }
        Locked l = lock(orderId);
        SubsidyHold h = l.hold;
        switch (h.status) {
            case REDEEMED, IN_REVIEW -> {
                if (h.actualAmountFen == actualAmountFen) {
                    return h;
                }
                throw ProblemException.conflict("already-redeemed", "order " + orderId + " was already redeemed on "
                        + Money.format(h.actualAmountFen) + " CNY (one claim per contract)");
            }
            case RELEASED, VOIDED -> throw ProblemException.conflict("hold-released",
                    "order " + orderId + "'s hold was " + h.status.name().toLowerCase() + "; nothing can be redeemed on it");
            case HELD -> { }
        }
        Redemption r = redemptionOf(h, actualAmountFen);
        // A claim waits for its size, or, in review mode, for the signals raised when it was held (if it pays anything).
        List<FraudWatch.Raised> signals = fraudConfig.onSignal() == FraudConfig.OnSignal.REVIEW && ClaimReviews.paysAnything(r)
                ? fraud.on(orderId) : List.of();
        if (reviews.needsReview(actualAmountFen, r) || !signals.isEmpty()) {
            declareActual(l, actualAmountFen);
            Instant now = Instant.now();
            h.actualAmountFen = actualAmountFen;
            h.status = SubsidyHold.Status.IN_REVIEW;
            h.updatedAt = now;
            l.write(budgets, enterprises);
            reviews.open(h, r, now, signals);
            return h;
        }
        return settle(l, actualAmountFen);
    }

    /**
     * Redeems a locked hold (HELD, or IN_REVIEW once approved) on the actual amount: the redeemed part moves
     * from held to redeemed, the rest goes back; SubsidyRedeemed tells the others it is payable.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SubsidyHold settle(Locked l, long actualAmountFen) {
        SubsidyHold h = l.hold;
        Redemption r = redemptionOf(h, actualAmountFen);
        l.suanli.redeem(r.suanliRedeemedFen(), r.suanliReleasedFen());
        l.zhineng.redeem(r.zhinengRedeemedFen(), r.zhinengReleasedFen());
        if (l.enterprise != null) {
            l.enterprise.redeem(r.suanliRedeemedFen(), r.suanliReleasedFen());
        }
        declareActual(l, actualAmountFen);
        Instant now = Instant.now();
        h.actualAmountFen = actualAmountFen;
        h.suanliRedeemedFen = r.suanliRedeemedFen();
        h.zhinengRedeemedFen = r.zhinengRedeemedFen();
        h.status = SubsidyHold.Status.REDEEMED;
        h.redeemedAt = now;
        h.updatedAt = now;
        l.write(budgets, enterprises);
        movements(h, BudgetMovement.Kind.REDEEM, r.suanliRedeemedFen(), r.zhinengRedeemedFen(), now);
        movements(h, BudgetMovement.Kind.RELEASE, r.suanliReleasedFen(), r.zhinengReleasedFen(), now);
        outbox.record(Topics.VOUCHERS, VoucherEvents.REDEEMED, h.orderId, h.orderId,
                new VoucherEvents.Redeemed(h.orderId, h.buyerId, h.programYear, actualAmountFen, r.suanliRedeemedFen(),
                        r.zhinengRedeemedFen(), r.suanliReleasedFen(), r.zhinengReleasedFen(), buyerName(h.buyerId)));
        return h;
    }

    /** The registry's name of the buyer, for settlement's public notice (公示); null for a buyer no longer registered. */
    private String buyerName(String buyerId) {
        Buyer b = em.find(Buyer.class, buyerId);
        return b == null ? null : b.name;
    }

    /** The locked rates applied to the actual amount, never above what was held (POLICY "Redeem"). */
    static Redemption redemptionOf(SubsidyHold h, long actualAmountFen) {
        SubsidyDecision locked = new SubsidyDecision(h.policyCode, h.suanliRateBp, h.suanliHeldFen, h.suanliHeldFen,
                h.zhinengRateBp, h.zhinengHeldFen, h.zhinengHeldFen,
                Math.max(0, h.estimatedAmountFen - h.suanliHeldFen - h.zhinengHeldFen), new java.util.TreeSet<>());
        return locked.redeemOn(actualAmountFen);
    }

    /** "Declared" counts the actual amount from delivery on (rule 5). */
    private static void declareActual(Locked l, long actualAmountFen) {
        SubsidyHold h = l.hold;
        if (h.declaredFen > 0) {
            if (l.enterprise != null) {
                l.enterprise.declare(actualAmountFen - h.declaredFen);
            }
            h.declaredFen = actualAmountFen;
        }
    }

    /** Gives the whole hold back (cancelled, rejected, expired); the amount no longer counts as declared. Idempotent. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public SubsidyHold release(String orderId, String reason) {
        Locked l = lock(orderId);
        if (l.hold.status != SubsidyHold.Status.HELD) {
            return l.hold;
        }
        return giveBack(l, SubsidyHold.Status.RELEASED, reason);
    }

    /**
     * Gives a locked hold (HELD or IN_REVIEW) back in full and ends it as {@code to} (RELEASED or VOIDED):
     * budget and cap figures restored, the amount no longer declared, SubsidyReleased with the reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SubsidyHold giveBack(Locked l, SubsidyHold.Status to, String reason) {
        SubsidyHold h = l.hold;
        if (h.status != SubsidyHold.Status.HELD && h.status != SubsidyHold.Status.IN_REVIEW) {
            throw new IllegalStateException("order " + h.orderId + "'s hold is " + h.status + ": nothing is held to give back");
        }
        l.suanli.release(h.suanliHeldFen);
        l.zhineng.release(h.zhinengHeldFen);
        if (l.enterprise != null) {
            l.enterprise.release(h.suanliHeldFen);
            l.enterprise.declare(-h.declaredFen);
        }
        Instant now = Instant.now();
        h.status = to;
        h.updatedAt = now;
        l.write(budgets, enterprises);
        movements(h, BudgetMovement.Kind.RELEASE, h.suanliHeldFen, h.zhinengHeldFen, now);
        outbox.record(Topics.VOUCHERS, VoucherEvents.RELEASED, h.orderId, h.orderId,
                new VoucherEvents.Released(h.orderId, h.buyerId, h.programYear, h.suanliHeldFen, h.zhinengHeldFen, reason));
        return h;
    }

    public SubsidyHold find(String orderId) {
        return SubsidyHold.findById(orderId);
    }

    /** A hold locked with its year's budgets and its buyer's row (null for a buyer never registered). */
    public record Locked(SubsidyHold hold, BudgetAccount suanli, BudgetAccount zhineng, EnterpriseYear enterprise) {
        public void write(ProgramBudgets budgets, EnterpriseYears enterprises) {
            budgets.write(suanli);
            budgets.write(zhineng);
            if (enterprise != null) {
                enterprises.write(List.of(enterprise));
            }
        }
    }

    /** Locks in the global order: budget rows, then the buyer's row, then the hold itself. 404 if there is no hold. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Locked lock(String orderId) {
        SubsidyHold peek = SubsidyHold.findById(orderId);
        if (peek == null) {
            throw ProblemException.notFound("Subsidy hold for order", orderId);
        }
        int year = peek.programYear;
        Map<Program, BudgetAccount> accounts = budgets.lockYear(year, 0, 0);
        EnterpriseYear ey = enterprises.lockExisting(peek.buyerId, year);
        em.refresh(peek, LockModeType.PESSIMISTIC_WRITE);
        return new Locked(peek, accounts.get(Program.SUANLI), accounts.get(Program.ZHINENG), ey);
    }

    /** Writes ledger lines for the non-zero amounts of a movement. */
    public void movements(SubsidyHold h, BudgetMovement.Kind kind, long suanliFen, long zhinengFen, Instant at) {
        List<BudgetMovement> lines = movementsOf(h, kind, suanliFen, zhinengFen, at);
        lines.forEach(em::persist);
        metrics.moved(lines, 0);
    }

    private static List<BudgetMovement> movementsOf(SubsidyHold h, BudgetMovement.Kind kind, long suanliFen, long zhinengFen, Instant at) {
        List<BudgetMovement> lines = new ArrayList<>(2);
        if (suanliFen > 0) {
            lines.add(BudgetMovement.of(h, Program.SUANLI, kind, suanliFen, h.suanliRateBp, at));
        }
        if (zhinengFen > 0) {
            lines.add(BudgetMovement.of(h, Program.ZHINENG, kind, zhinengFen, h.zhinengRateBp, at));
        }
        return lines;
    }

    private static long defaultBudget(PolicyVersion v, boolean suanli) {
        if (v == null) {
            return 0;
        }
        Long fen = suanli ? v.parameters().suanli().annualBudgetFen()
                : v.parameters().zhinengProgram().map(z -> z.annualBudgetFen()).orElse(null);
        return fen == null ? 0 : fen;
    }

    /** The cap the engine will apply (rule 7), mirrored on the buyer's row so that the database enforces it too. */
    static long capFor(Buyer b, PolicyVersion v) {
        if (v == null) {
            return Money.MAX_FEN;
        }
        return v.parameters().suanli().enterpriseCapFor(b.foundationModel, b.capOverrideFen).orElse(Money.MAX_FEN);
    }
}
