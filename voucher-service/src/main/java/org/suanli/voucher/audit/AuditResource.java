package org.suanli.voucher.audit;

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

    @GET
    public List<AuditTrail.Entry> latest(@QueryParam("limit") @DefaultValue("100") String limitParam) {
        int limit = org.suanli.voucher.QueryParams.positive("limit", limitParam);
        return audit.latest(Math.max(1, Math.min(limit, 1000)));
    }
}
