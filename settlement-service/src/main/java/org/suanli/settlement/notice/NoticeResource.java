package org.suanli.settlement.notice;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import org.suanli.kernel.http.Params;
import org.suanli.settlement.batch.Periods;

import java.time.Instant;
import java.time.YearMonth;

/**
 * The public notice (公示), no login: the subsidies granted in a month, and objections (异议) to them. Nothing
 * personal is shown: organisations' names and figures only, never a contact, a person or a user id.
 */
@Path("/api/notices")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class NoticeResource {

    @Inject
    NoticeService notices;

    @Inject
    ObjectionLimiter limiter;

    @Context
    HttpServerRequest request;

    @Operation(summary = "The public notice of subsidies granted (公示)", description = "No login. The subsidies granted in a month (`period`, YYYY-MM, the month the order completed in Asia/Shanghai; this month when left out): enterprise, compute centre, program, contract amount, subsidy, date, and until when objections are taken.")
    @GET
    public NoticeViews.NoticeView list(@QueryParam("period") String period) {
        String p = Params.text("period", period);
        YearMonth month = p == null ? YearMonth.now(Periods.SHANGHAI) : Periods.month(p);
        return notices.list(month, Instant.now());
    }

    @Operation(summary = "File an objection (异议) to a line of the notice", description = "No login. Anyone may object while the line's window is open, with a contact (seen by the program office only) and a reason. Limited per client address: 429 with Retry-After beyond it.")
    @Extension(name = ApiContract.CREATED, value = "true")
    @Extension(name = ApiContract.REFUSES, value = "422 429")
    @POST
    @Path("/{orderId}/objections")
    public Response file(@PathParam("orderId") String orderId, @Valid @NotNull NoticeViews.ObjectionForm form) {
        String order = Params.required("orderId", orderId, "the order id of a notice line");
        limiter.take(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        return Response.status(201).entity(notices.file(order, form, Instant.now())).build();
    }
}
