package org.suanli.voucher.audit;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.List;

@Path("/api/audit")
@RolesAllowed({"admin", "finance"})
public class AuditResource {

    @Inject
    AuditTrail audit;

    @Operation(summary = "Audit trail", description = "The latest changes officials made (budgets, buyers, policies, holds), newest first.")
    @GET
    public List<AuditTrail.Entry> latest(@QueryParam("limit") @DefaultValue("100") String limitParam) {
        int limit = org.suanli.kernel.http.Params.integer("limit", limitParam, 100, 1, Integer.MAX_VALUE);
        return audit.latest(Math.min(limit, 1000));
    }
}
