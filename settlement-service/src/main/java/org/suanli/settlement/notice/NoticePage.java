package org.suanli.settlement.notice;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The public notice page (公示), in Chinese, for anyone: it reads /api/notices and files objections there. */
@Path("/notice")
@PermitAll
public class NoticePage {

    private static final String PAGE = load();

    @Operation(summary = "The public notice page (公示)", description = "The HTML page for the public (zh-CN), no login.")
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return Response.ok(PAGE, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static String load() {
        try (InputStream html = NoticePage.class.getClassLoader().getResourceAsStream("notice/index.html")) {
            return new String(html.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
