package org.suanli.catalog.search;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.suanli.kernel.http.Params;
import org.suanli.catalog.offering.Category;
import org.suanli.kernel.security.Caller;

/** Search the shelf. Buyers get their net prices after vouchers (sort=net ranks by them). */
@Path("/api/offerings")
public class SearchResource {

    @Inject
    OfferingSearch search;

    @Inject
    Caller caller;

    @Operation(summary = "Search offerings", description = "Published offerings that can be ordered, filtered by GPU model, category, district, facility type and memory; `sort=net` ranks by the buyer's net price after subsidy for `hours` GPU-hours (quoted by voucher-service; list prices when it is unavailable).")
    @GET
    @RolesAllowed({"sme", "partner", "admin", "finance"})
    public SearchResult search(@QueryParam("acceleratorModel") String acceleratorModel,
                               @QueryParam("minMemoryGb") String minMemoryGb,
                               @QueryParam("category") String category,
                               @QueryParam("district") String district,
                               @QueryParam("maxPrice") String maxPrice,
                               @QueryParam("minCapacityLeft") String minCapacityLeft,
                               @QueryParam("page") @DefaultValue("0") String page,
                               @QueryParam("size") @DefaultValue("20") String size,
                               @QueryParam("sort") @DefaultValue("price") String sort,
                               @QueryParam("hours") String hours,
                               @QueryParam("zhinengMode") String zhinengMode) {
        SearchCriteria criteria = SearchCriteria.parse(Params.text("acceleratorModel", acceleratorModel),
                Params.integer("minMemoryGb", minMemoryGb, null, 0, Integer.MAX_VALUE),
                Params.enumOf(Category.class, "category", category), Params.text("district", district),
                Params.text("maxPrice", maxPrice), Params.text("minCapacityLeft", minCapacityLeft),
                Params.integer("page", page, 0, 0, Integer.MAX_VALUE),
                Params.integer("size", size, 20, 1, SearchCriteria.MAX_SIZE), Params.text("sort", sort),
                Params.text("hours", hours), Params.text("zhinengMode", zhinengMode));
        return search.search(criteria, caller.is("sme") ? caller.bearer() : null);
    }
}
