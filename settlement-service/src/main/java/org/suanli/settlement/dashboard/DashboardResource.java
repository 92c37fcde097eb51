package org.suanli.settlement.dashboard;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.suanli.settlement.batch.Periods;
import org.suanli.settlement.client.CallerToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;

/**
 * The finance bureau's dashboard: a page for a browser with a Keycloak login (OIDC tenant {@code dashboard},
 * web-app, session cookie), and its data under the same tenant. Role {@code finance} only: the HTTP permission
 * in application.properties challenges an anonymous browser with the Keycloak login and refuses other roles;
 * {@code @RolesAllowed} says the same again here.
 */
@Path("/dashboard")
public class DashboardResource {

    private static final String PAGE = loadPage();

    @Inject
    DashboardService dashboard;

    @Inject
    CallerToken token;

    @Operation(summary = "The finance dashboard page", description = "The HTML page for the finance bureau; it signs in with Keycloak and reads /dashboard/data.")
    @Extension(name = ApiContract.REFUSES, value = "302")
    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("finance")
    public Response page() {
        return Response.ok(PAGE, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'")
                .build();
    }

    @Operation(summary = "The dashboard page's data", description = "The figures behind the finance dashboard page.")
    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("finance")
    public DashboardView data(@QueryParam("year") String year) {
        return dashboard.data(year(year), token.bearer());
    }

    static int year(String year) {
        Integer y = org.suanli.kernel.http.Params.year("year", year, false);
        return y == null ? LocalDate.now(Periods.SHANGHAI).getYear() : y;
    }

    private static String loadPage() {
        ClassLoader cl = DashboardResource.class.getClassLoader();
        try (InputStream html = cl.getResourceAsStream("dashboard/index.html");
             InputStream versions = cl.getResourceAsStream("dashboard/versions.properties")) {
            Properties v = new Properties();
            v.load(versions);
            return new String(html.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@ECHARTS_VERSION@", v.getProperty("echarts"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
