package org.suanli.settlement.dossier;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;
import org.suanli.settlement.client.CallerToken;

import java.time.Instant;
import java.util.List;

/**
 * The claim dossier (兑付材料) of an order, for its buyer, its partner and officials (anyone else: 404): as JSON, as a
 * printable page, and a check of a printed copy's content hash against the dossier as it stands now. The hash is
 * SHA-256 over the {@code dossier} object's canonical JSON (keys sorted, no whitespace, UTF-8).
 */
@Path("/api/dossiers/{orderId}")
@RolesAllowed({"sme", "partner", "admin", "finance"})
public class DossierResource {

    @Inject
    DossierService dossiers;

    @Inject
    Caller caller;

    @Inject
    CallerToken token;

    public record DossierView(String contentHash, String verify, Instant issuedAt, String issuedTo, JsonNode dossier) {
    }

    public record Verification(String orderId, String hash, boolean current, String currentHash,
                               List<DossierService.Issue> issued, String verdict) {
    }

    @Extension(name = ApiContract.REFUSES, value = "502 503")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public DossierView json(@PathParam("orderId") String orderId) {
        DossierService.Issued d = issue(orderId);
        return new DossierView(d.contentHash(), verifyPath(orderId) + "?hash=" + d.contentHash(), Instant.now(),
                caller.name(), d.dossier());
    }

    @Extension(name = ApiContract.REFUSES, value = "502 503")
    @GET
    @Path("/print")
    @Produces(MediaType.TEXT_HTML)
    public Response html(@PathParam("orderId") String orderId) {
        DossierService.Issued d = issue(orderId);
        return Response.ok(DossierHtml.render(d.dossier(), d.contentHash(), verifyPath(orderId)),
                "text/html; charset=UTF-8").build();
    }

    @Extension(name = ApiContract.REFUSES, value = "502 503")
    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Verification verify(@PathParam("orderId") String orderId, @QueryParam("hash") String hash) {
        String h = CanonicalJson.normalise(hash);
        if (h == null) {
            throw ProblemException.badRequest("hash '" + hash + "' must be sha256: followed by 64 hexadecimal digits, "
                    + "as printed on the dossier");
        }
        DossierService.Issued now = dossiers.build(id(orderId), caller, token.bearer());
        List<DossierService.Issue> issued = dossiers.issuesOf(id(orderId), h);
        boolean current = now.contentHash().equals(h);
        String verdict = current ? "the copy matches the dossier as it stands now"
                : !issued.isEmpty() ? "the copy was issued by the system, but the dossier has changed since"
                : "no dossier of this order was ever issued with this hash";
        return new Verification(id(orderId), h, current, now.contentHash(), issued, verdict);
    }

    private DossierService.Issued issue(String orderId) {
        DossierService.Issued d = dossiers.build(id(orderId), caller, token.bearer());
        dossiers.recordIssue(id(orderId), d.contentHash(), caller.name());
        return d;
    }

    private static String id(String orderId) {
        if (orderId == null || !orderId.matches("[A-Za-z0-9-]{1,64}")) {
            throw ProblemException.badRequest("order id '" + orderId + "' must be 1-64 letters, digits or dashes");
        }
        return orderId;
    }

    private static String verifyPath(String orderId) {
        return "/api/dossiers/" + orderId + "/verify";
    }
}
