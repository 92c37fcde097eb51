package org.suanli.voucher.fraud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.suanli.kernel.money.Money;

/**
 * Signals computed when a hold is decided, before any money moves. Each is a small named rule over the
 * contract, what came before it and what the registries say of the parties; each answers with its evidence
 * or nothing. Plain Java: what they look at is passed in.
 */
public final class FraudSignals {

    /** What one signal looks at. */
    public record Seen(ContractSeen contract, List<ContractSeen> earlier, Party buyer, Party seller,
                       boolean recordedAsRelated, List<PricePoint> prices, FraudTerms terms) {
        public Seen {
            earlier = List.copyOf(earlier);
            prices = List.copyOf(prices);
        }
    }

    @FunctionalInterface
    public interface FraudSignal {
        Optional<Signal> raised(Seen seen);
    }

    private FraudSignals() {
    }

    /**
     * Contracts between the same buyer and seller within the window, each below a line, that together cross
     * it: one deal cut into pieces, each small enough to pass where the whole would not.
     */
    public static final FraudSignal splitContracts = s -> {
        ContractSeen c = s.contract();
        List<ContractSeen> pieces = new ArrayList<>();
        for (ContractSeen e : s.earlier()) {
            if (e.between(c.buyerCreditCode(), c.sellerCreditCode()) && e.withinDaysBefore(c, s.terms().splitWindowDays())) {
                pieces.add(e);
            }
        }
        if (pieces.isEmpty()) {
            return Optional.empty();
        }
        pieces.add(c);
        long sum = pieces.stream().mapToLong(ContractSeen::amountFen).sum();
        long largest = pieces.stream().mapToLong(ContractSeen::amountFen).max().orElseThrow();
        for (long line : s.terms().lineFen()) {
            if (largest <= line && sum > line) {
                return Optional.of(new Signal(SignalCode.SPLIT_CONTRACTS, pieces.size() + " contracts between the same buyer and seller within "
                        + s.terms().splitWindowDays() + " days, each at most " + Money.format(line) + " CNY, together "
                        + Money.format(sum) + " CNY", pieces.stream().map(ContractSeen::orderId).toList()));
            }
        }
        return Optional.empty();
    };

    /** The seller bought from the buyer within the window: public money that may be going round in a circle. */
    public static final FraudSignal roundTrip = s -> {
        ContractSeen c = s.contract();
        List<String> back = s.earlier().stream()
                .filter(e -> e.between(c.sellerCreditCode(), c.buyerCreditCode()) && e.withinDaysBefore(c, s.terms().roundTripWindowDays()))
                .map(ContractSeen::orderId).toList();
        return back.isEmpty() ? Optional.empty() : Optional.of(new Signal(SignalCode.ROUND_TRIP,
                "the seller bought from the buyer within " + s.terms().roundTripWindowDays() + " days", back));
    };

    /**
     * A subsidised order at a price above the offering's own lowest price of the window by more than the
     * allowed rise: the voucher would pay for the increase.
     */
    public static final FraudSignal priceRaisedBeforeOrder = s -> {
        ContractSeen c = s.contract();
        if (!c.subsidised() || c.offeringId() == null) {
            return Optional.empty();
        }
        List<PricePoint> mine = s.prices().stream().filter(p -> p.offeringId().equals(c.offeringId())).toList();
        // Prices in force at some time in the window: those set in it and the one already in force at its start.
        java.time.LocalDate windowStart = c.contractDate().minusDays(s.terms().priceWindowDays());
        Optional<PricePoint> atStart = mine.stream().filter(p -> !p.from().isAfter(windowStart))
                .max(java.util.Comparator.comparing(PricePoint::from));
        long lowest = java.util.stream.Stream.concat(atStart.stream(),
                        mine.stream().filter(p -> p.from().isAfter(windowStart) && !p.from().isAfter(c.contractDate())))
                .mapToLong(PricePoint::unitPriceFen).min().orElse(c.unitPriceFen());
        // Raised by more than the allowed rise: price > lowest × (1 + rise), in integers.
        if (c.unitPriceFen() * 10_000L > lowest * (10_000L + s.terms().priceRiseBp())) {
            return Optional.of(new Signal(SignalCode.PRICE_RAISED_BEFORE_ORDER, "ordered at " + Money.format(c.unitPriceFen())
                    + " CNY per GPU-hour; the offering's lowest price in the " + s.terms().priceWindowDays() + " days before was "
                    + Money.format(lowest) + " CNY", List.of()));
        }
        return Optional.empty();
    };

    /** Buyer and seller share a legal representative, an address or a contact, and nobody recorded them as related. */
    public static final FraudSignal sharedParticulars = s -> {
        if (s.recordedAsRelated() || s.buyer() == null || s.seller() == null) {
            return Optional.empty(); // recorded related parties get no voucher at all (RELATED_PARTY)
        }
        List<String> shared = new ArrayList<>();
        if (same(s.buyer().legalRepresentative(), s.seller().legalRepresentative())) {
            shared.add("legal representative");
        }
        if (same(s.buyer().address(), s.seller().address())) {
            shared.add("address");
        }
        if (same(s.buyer().contact(), s.seller().contact())) {
            shared.add("contact");
        }
        return shared.isEmpty() ? Optional.empty() : Optional.of(new Signal(SignalCode.SHARED_PARTICULARS,
                "buyer and seller share their " + String.join(", ", shared) + " but are not recorded as related", List.of()));
    };

    public static List<FraudSignal> all() {
        return List.of(splitContracts, roundTrip, priceRaisedBeforeOrder, sharedParticulars);
    }

    /** Every signal the contract raises, in the order of {@link #all()}. */
    public static List<Signal> raisedBy(Seen seen) {
        List<Signal> raised = new ArrayList<>();
        for (FraudSignal signal : all()) {
            signal.raised(seen).ifPresent(raised::add);
        }
        return raised;
    }

    private static boolean same(String a, String b) {
        String x = Party.normalised(a);
        return !x.isEmpty() && x.equals(Party.normalised(b));
    }
}
