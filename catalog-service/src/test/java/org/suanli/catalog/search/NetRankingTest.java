package org.suanli.catalog.search;

import org.junit.jupiter.api.Test;
import org.suanli.kernel.problem.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NetRankingTest {

    @Test
    void ranksByWhatTheBuyerPaysThenListPriceThenId() {
        List<NetRanking.Ranked<String>> sorted = NetRanking.sort(List.of(
                new NetRanking.Ranked<>("domestic-30%", 805, 1150, "b"),
                new NetRanking.Ranked<>("other-20%", 1320, 1650, "a"),
                new NetRanking.Ranked<>("cheap-list", 680, 680, "c"),
                new NetRanking.Ranked<>("tie-dearer-list", 805, 1200, "a")));
        assertEquals(List.of("cheap-list", "domestic-30%", "tie-dearer-list", "other-20%"),
                sorted.stream().map(NetRanking.Ranked::item).toList());
    }

    @Test
    void theQuotedAmountIsPriceTimesHoursFlooredToTheFen() {
        assertEquals(1150, NetRanking.amountFen(1150, 10));
        assertEquals(115000, NetRanking.amountFen(1150, 1000));
        assertEquals(1, NetRanking.amountFen(3, 5)); // 0.03 × 0.5 = 0.015 → 0.01
        assertEquals("4.25", NetRanking.perHour(42500, 1000));
        assertEquals("0.02", NetRanking.perHour(1, 5)); // 0.01 / 0.5 h
    }

    @Test
    void searchParametersAreCheckedBeforeAnythingIsRead() {
        // page and size out of range are refused by the resource's Params (SearchApiTest sends them)
        assertEquals(400, assertThrows(ProblemException.class, () -> parse("0", "20", "cheapest", null)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> parse("0", "20", "price", "-3")).status());
        SearchCriteria c = parse("2", "5", "net", "12.50");
        assertEquals(SearchCriteria.Sort.NET, c.sort());
        assertEquals(1250L, c.maxPriceFen());
        assertEquals(10L, c.quoteHoursTenths());
    }

    private static SearchCriteria parse(String page, String size, String sort, String maxPrice) {
        return SearchCriteria.parse(null, null, null, null, maxPrice, null, Integer.parseInt(page), Integer.parseInt(size),
                sort, null, null);
    }
}
