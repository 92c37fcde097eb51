package org.suanli.settlement.dashboard;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.suanli.settlement.client.CallerToken;

/** The dashboard's figures for API clients with a bearer token (same data as the page draws). */
@Path("/api/dashboard-data")
public class DashboardApiResource {

    @Inject
    DashboardService dashboard;

    @Inject
    CallerToken token;

    @Operation(summary = "The finance dashboard's figures", description = "Budget burn-down, forecast and the month's figures, as the dashboard page shows them.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("finance")
    public DashboardView data(@QueryParam("year") String year) {
        return dashboard.data(DashboardResource.year(year), token.bearer());
    }
}
