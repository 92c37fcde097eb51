package org.suanli.voucher.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each signal with the cases that must raise it and the ones that must not. Hangzhou's terms throughout. */
class FraudSignalsTest {

    static final String BUYER = "91330106MA2B0BUY01";
    static final String SELLER = "91330110MA2B0SEL01";
    static final String OTHER_SELLER = "91330110MA2B0SEL02";

    static ContractSeen contract(String id, String buyer, String seller, String date, String amountYuan) {
        return new ContractSeen(id, buyer, seller, "off-1", LocalDate.parse(date), fen(amountYuan), fen("10.00"), true);
    }

    static FraudSignals.Seen seen(ContractSeen c, ContractSeen... earlier) {
        return new FraudSignals.Seen(c, List.of(earlier), null, null, false, List.of(), FraudTerms.HANGZHOU);
    }

    @Nested
    class SplitContracts {

        /** A contract of BUYER with SELLER, and an earlier one of BUYER with {@code earlierSeller}, as the split rule sees them. */
        static Optional<Signal> split(String date, String yuan, String earlierSeller, String earlierDate, String earlierYuan) {
            return FraudSignals.splitContracts.raised(seen(contract("o2", BUYER, SELLER, date, yuan),
                    contract("o1", BUYER, earlierSeller, earlierDate, earlierYuan)));
        }

        @Test
        void twoPiecesUnderTheSmeLineThatTogetherCrossItAreSplit() {
            // 300,000.00 on 11-01 and 250,000.00 on 11-20, same buyer and seller: each under 500,000.00,
            // together 550,000.00 within 30 days
            Optional<Signal> s = split("2026-11-20", "250000.00", SELLER, "2026-11-01", "300000.00");

            assertTrue(s.isPresent());
            assertEquals(List.of("o1", "o2"), s.get().relatedOrders());
            assertEquals("2 contracts between the same buyer and seller within 30 days, each at most 500000.00 CNY,"
                    + " together 550000.00 CNY", s.get().evidence());
        }

        @Test
        void piecesThatStayUnderTheLineTogetherAreNotASplit() {
            // 300,000.00 + 200,000.00 = 500,000.00: on the line, not across it
            assertEquals(Optional.empty(), split("2026-11-20", "200000.00", SELLER, "2026-11-01", "300000.00"));
        }

        @Test
        void aContractOutsideTheWindowDoesNotCount() {
            // 31 days apart
            assertEquals(Optional.empty(), split("2026-12-02", "250000.00", SELLER, "2026-11-01", "300000.00"));
        }

        @Test
        void contractsWithAnotherSellerAreNotPiecesOfTheSameDeal() {
            assertEquals(Optional.empty(), split("2026-11-20", "250000.00", OTHER_SELLER, "2026-11-01", "300000.00"));
        }

        @Test
        void oneContractAlreadyAboveTheSmeLineIsNoSplitOfIt() {
            // 600,000.00 alone passes the SME line: nothing was hidden under it (and 850,000.00 is far from the cap)
            assertEquals(Optional.empty(), split("2026-11-20", "250000.00", SELLER, "2026-11-01", "600000.00"));
        }

        @Test
        void piecesUnderTheCapThatTogetherCrossItAreSplit() {
            // 5,000,000.00 + 4,000,000.00 = 9,000,000.00 > the 8,000,000.00 cap, each under it
            Optional<Signal> s = split("2026-11-20", "4000000.00", SELLER, "2026-11-01", "5000000.00");

            assertTrue(s.isPresent());
            assertTrue(s.get().evidence().contains("each at most 8000000.00 CNY, together 9000000.00 CNY"), s.get().evidence());
        }
    }

    @Nested
    class RoundTrip {

        /** BUYER buys from SELLER on 2026-11-20; earlier, {@code earlierBuyer} bought from {@code earlierSeller}. */
        static Optional<Signal> after(String earlierBuyer, String earlierSeller, String earlierDate) {
            return FraudSignals.roundTrip.raised(seen(contract("o2", BUYER, SELLER, "2026-11-20", "100000.00"),
                    contract("o1", earlierBuyer, earlierSeller, earlierDate, "100000.00")));
        }

        @Test
        void theSellerHavingBoughtFromTheBuyerIsARoundTrip() {
            Optional<Signal> s = after(SELLER, BUYER, "2026-10-01");

            assertEquals(List.of("o1"), s.orElseThrow().relatedOrders());
        }

        @Test
        void buyingTwiceInTheSameDirectionIsNot() {
            assertEquals(Optional.empty(), after(BUYER, SELLER, "2026-10-01"));
        }

        @Test
        void aPurchaseTheOtherWayLongAgoIsNot() {
            // 91 days before
            assertEquals(Optional.empty(), after(SELLER, BUYER, "2026-08-21"));
        }
    }

    @Nested
    class PriceRaisedBeforeOrder {

        static FraudSignals.Seen ordered(String unitPrice, boolean subsidised, PricePoint... history) {
            ContractSeen c = new ContractSeen("o1", BUYER, SELLER, "off-1", LocalDate.parse("2026-11-20"), fen("10000.00"),
                    fen(unitPrice), subsidised);
            return new FraudSignals.Seen(c, List.of(), null, null, false, List.of(history), FraudTerms.HANGZHOU);
        }

        static PricePoint price(String from, String yuan) {
            return new PricePoint("off-1", LocalDate.parse(from), fen(yuan));
        }

        @Test
        void aPriceRaisedByAFifthAWeekBeforeASubsidisedOrderIsASignal() {
            // 10.00 until 11-13, then 12.00: 12.00 > 10.00 x 110% = 11.00
            Optional<Signal> s = FraudSignals.priceRaisedBeforeOrder.raised(ordered("12.00", true,
                    price("2026-06-01", "10.00"), price("2026-11-13", "12.00")));

            assertEquals("ordered at 12.00 CNY per GPU-hour; the offering's lowest price in the 30 days before was 10.00 CNY",
                    s.orElseThrow().evidence());
        }

        @Test
        void aRiseWithinTheAllowedTenPercentIsNot() {
            // 11.00 = 10.00 x 110% exactly
            assertEquals(Optional.empty(), FraudSignals.priceRaisedBeforeOrder.raised(ordered("11.00", true,
                    price("2026-06-01", "10.00"), price("2026-11-13", "11.00"))));
        }

        @Test
        void aRiseLongBeforeTheWindowIsThePriceNow() {
            // raised on 10-01, more than 30 days before: 12.00 was the price all through the window
            assertEquals(Optional.empty(), FraudSignals.priceRaisedBeforeOrder.raised(ordered("12.00", true,
                    price("2026-06-01", "10.00"), price("2026-10-01", "12.00"))));
        }

        @Test
        void anOrderWithoutVoucherIsNoneOfTheBureausBusiness() {
            assertEquals(Optional.empty(), FraudSignals.priceRaisedBeforeOrder.raised(ordered("12.00", false,
                    price("2026-06-01", "10.00"), price("2026-11-13", "12.00"))));
        }
    }

    @Nested
    class SharedParticulars {

        static final Party BUYER_PARTY = new Party(BUYER, "王伟", "杭州市西湖区文三路1号", "0571-88880001");

        static Optional<Signal> between(Party seller, boolean recordedAsRelated) {
            return between(BUYER_PARTY, seller, recordedAsRelated);
        }

        static Optional<Signal> between(Party buyer, Party seller, boolean recordedAsRelated) {
            return FraudSignals.sharedParticulars.raised(new FraudSignals.Seen(
                    contract("o1", BUYER, SELLER, "2026-11-20", "100000.00"), List.of(), buyer, seller,
                    recordedAsRelated, List.of(), FraudTerms.HANGZHOU));
        }

        @Test
        void aSellerWithTheBuyersLegalRepresentativeAndAddressIsASignal() {
            // the address written with spaces is the same address
            Optional<Signal> s = between(new Party(SELLER, "王伟", "杭州市西湖区 文三路 1 号", "0571-88889999"), false);

            assertEquals("buyer and seller share their legal representative, address but are not recorded as related",
                    s.orElseThrow().evidence());
        }

        @Test
        void aSharedContactIsASignal() {
            assertTrue(between(new Party(SELLER, "李娜", "杭州市余杭区文一西路2号", "0571-88880001"), false).isPresent());
        }

        @Test
        void strangersAreNot() {
            assertEquals(Optional.empty(), between(new Party(SELLER, "李娜", "杭州市余杭区文一西路2号", "0571-88889999"), false));
        }

        @Test
        void particularsNobodyFilledInAreNotShared() {
            assertEquals(Optional.empty(), between(new Party(BUYER, null, "", null), new Party(SELLER, null, "", null), false));
        }

        @Test
        void partiesAlreadyRecordedAsRelatedAreBarredNotSignalled() {
            assertEquals(Optional.empty(), between(new Party(SELLER, "王伟", "杭州市西湖区文三路1号", "0571-88880001"), true));
        }
    }

    @Test
    void aContractRaisesEverySignalThatFits() {
        // split (300,000.00 + 250,000.00) and round trip (the seller bought from the buyer) at once
        List<Signal> raised = FraudSignals.raisedBy(seen(contract("o3", BUYER, SELLER, "2026-11-20", "250000.00"),
                contract("o1", BUYER, SELLER, "2026-11-01", "300000.00"),
                contract("o2", SELLER, BUYER, "2026-11-05", "1000.00")));

        assertEquals(List.of(SignalCode.SPLIT_CONTRACTS, SignalCode.ROUND_TRIP), raised.stream().map(Signal::code).toList());
    }

    static long fen(String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValueExact();
    }
}
