package org.suanli.catalog.search;

import org.suanli.kernel.units.GpuHours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.suanli.catalog.client.QuoteBatch;
import org.suanli.catalog.client.QuoteRequest;
import org.suanli.catalog.client.VoucherQuotes;
import org.suanli.catalog.offering.Offering;
import org.suanli.catalog.offering.OfferingStatus;
import org.suanli.catalog.offering.OfferingView;
import org.suanli.catalog.partner.PartnerStatus;
import org.suanli.kernel.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shelf: published offerings of approved partners whose window has not ended, filtered, sorted by
 * list price or by the buyer's net price after vouchers (voucher-service's quote), one page at a time.
 */
@ApplicationScoped
public class OfferingSearch {

    /** Sorting by net price quotes every match; beyond this many, only the cheapest by list price are ranked. */
    static final int NET_RANK_LIMIT = 1000;

    @Inject
    EntityManager em;

    @Inject
    VoucherQuotes quotes;

    /**
     * @param buyerBearer the buyer's "Bearer …" to pass on to voucher-service, or null when the caller is no
     *                    buyer (no net prices then)
     */
    public SearchResult search(SearchCriteria c, String buyerBearer) {
        boolean wantsNet = c.sort() == SearchCriteria.Sort.NET;
        if (wantsNet && buyerBearer != null) {
            Shelf all = shelf(c, 0, NET_RANK_LIMIT);
            Optional<Map<String, QuoteBatch.Quote>> q = quotes.quote(buyerBearer, c.zhinengMode(), quoteItems(all.views(), c));
            if (q.isPresent()) {
                List<NetRanking.Ranked<SearchResult.Item>> ranked = new ArrayList<>();
                for (OfferingView v : all.views()) {
                    QuoteBatch.Quote quote = q.get().get(v.id());
                    ranked.add(new NetRanking.Ranked<>(new SearchResult.Item(v, estimate(v, quote, c)),
                            Money.parseYuan(quote.buyerPays()), Money.parseYuan(v.unitPrice()), v.id()));
                }
                List<SearchResult.Item> page = NetRanking.sort(ranked).stream().skip((long) c.page() * c.size())
                        .limit(c.size()).map(NetRanking.Ranked::item).toList();
                String notice = all.total() > NET_RANK_LIMIT ? "only the " + NET_RANK_LIMIT
                        + " cheapest offerings by list price were ranked by net price; narrow the filters" : null;
                return new SearchResult(page, c.page(), c.size(), Math.min(all.total(), NET_RANK_LIMIT), "net", false, notice);
            }
            Shelf page = shelf(c, c.page(), c.size());
            return new SearchResult(plain(page.views()), c.page(), c.size(), page.total(), "price", true,
                    "voucher-service could not quote your net prices just now; sorted by list price instead");
        }
        Shelf page = shelf(c, c.page(), c.size());
        if (buyerBearer == null) {
            String notice = wantsNet ? "net prices after vouchers are estimated for buyers (role sme) only; sorted by list price" : null;
            return new SearchResult(plain(page.views()), c.page(), c.size(), page.total(), "price", wantsNet, notice);
        }
        // a buyer sorting by list price still sees its net prices, if voucher-service answers
        Optional<Map<String, QuoteBatch.Quote>> q = quotes.quote(buyerBearer, c.zhinengMode(), quoteItems(page.views(), c));
        if (q.isEmpty()) {
            return new SearchResult(plain(page.views()), c.page(), c.size(), page.total(), "price", true,
                    "voucher-service could not quote your net prices just now; list prices only");
        }
        List<SearchResult.Item> items = page.views().stream()
                .map(v -> new SearchResult.Item(v, estimate(v, q.get().get(v.id()), c))).toList();
        return new SearchResult(items, c.page(), c.size(), page.total(), "price", false, null);
    }

    private record Shelf(List<OfferingView> views, long total) {
    }

    /** Read outside any transaction (the request's session), so no connection is held while voucher-service answers. */
    Shelf shelf(SearchCriteria c, int page, int size) {
        StringBuilder where = new StringBuilder(" where o.status = :published and p.status = :approved and o.validTo > :now");
        Map<String, Object> params = new HashMap<>();
        params.put("published", OfferingStatus.PUBLISHED);
        params.put("approved", PartnerStatus.APPROVED);
        params.put("now", Instant.now());
        if (c.acceleratorModel() != null) {
            where.append(" and lower(o.acceleratorModel) like :model escape '\\'");
            params.put("model", "%" + c.acceleratorModel().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (c.minMemoryGb() != null) {
            where.append(" and o.memoryGb >= :memory");
            params.put("memory", c.minMemoryGb());
        }
        if (c.category() != null) {
            where.append(" and o.category = :category");
            params.put("category", c.category());
        }
        if (c.district() != null) {
            where.append(" and f.district = :district");
            params.put("district", c.district());
        }
        if (c.maxPriceFen() != null) {
            where.append(" and o.unitPriceFen <= :maxPrice");
            params.put("maxPrice", c.maxPriceFen());
        }
        if (c.minCapacityLeftTenths() != null) {
            where.append(" and o.capacityTenths - o.reservedTenths - o.consumedTenths >= :minLeft");
            params.put("minLeft", c.minCapacityLeftTenths());
        }
        TypedQuery<Long> count = em.createQuery("select count(o) from Offering o join o.partner p join o.facility f" + where, Long.class);
        TypedQuery<Offering> list = em.createQuery("select o from Offering o join fetch o.partner p join fetch o.facility f"
                + where + " order by o.unitPriceFen, o.id", Offering.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<OfferingView> views = list.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(OfferingView::of).toList();
        return new Shelf(views, total);
    }

    private static List<SearchResult.Item> plain(List<OfferingView> views) {
        return views.stream().map(v -> new SearchResult.Item(v, null)).toList();
    }

    private static List<QuoteRequest.Item> quoteItems(List<OfferingView> views, SearchCriteria c) {
        return views.stream().map(v -> new QuoteRequest.Item(v.id(), v.category().name(),
                v.facilityType() == null ? null : v.facilityType().name(), v.filingNumber() != null,
                v.partnerStatus() == PartnerStatus.APPROVED, v.partnerCreditCode(),
                // voucher-service quotes positive amounts only: a tenth of an hour at a few fen still counts 0.01
                Money.format(Math.max(1, NetRanking.amountFen(Money.parseYuan(v.unitPrice()), c.quoteHoursTenths()))))).toList();
    }

    private static SearchResult.NetEstimate estimate(OfferingView v, QuoteBatch.Quote q, SearchCriteria c) {
        long amount = NetRanking.amountFen(Money.parseYuan(v.unitPrice()), c.quoteHoursTenths());
        long pays = Money.parseYuan(q.buyerPays());
        return new SearchResult.NetEstimate(GpuHours.format(c.quoteHoursTenths()), Money.format(amount), q.policy(),
                q.suanliRate(), q.suanliGranted(), q.zhinengRate(), q.zhinengGranted(), q.buyerPays(),
                NetRanking.perHour(pays, c.quoteHoursTenths()), q.reasons() == null ? List.of() : q.reasons());
    }
}
