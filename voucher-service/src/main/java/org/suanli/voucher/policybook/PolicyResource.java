package org.suanli.voucher.policybook;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.suanli.kernel.http.Preconditions;
import org.suanli.kernel.http.Versioned;
import org.suanli.kernel.security.Caller;
import org.suanli.voucher.policy.PolicyParametersJson;
import org.suanli.voucher.policy.PolicyVersion;

import java.time.LocalDate;
import java.util.List;

/** The policy versions as data: anyone signed in reads them; admin adds a version effective from a future date. */
@Path("/api/policies")
public class PolicyResource {

    /** {@code scheme}: the city program the version belongs to; Hangzhou's ("HZ") when left out. */
    public record PolicyForm(@NotBlank @Pattern(regexp = "[A-Z0-9-]{2,32}") String code, @NotNull LocalDate effectiveFrom,
                             @NotNull JsonNode parameters, @org.suanli.kernel.json.FreeText @NotBlank @Size(max = 500) String reason,
                             @Pattern(regexp = "[A-Z]{2,8}") String scheme) {
    }

    public record PolicyView(String code, LocalDate effectiveFrom, JsonNode parameters, String scheme) {
    }

    @Inject
    PolicyBook book;

    @Inject
    Caller caller;

    @Inject
    Preconditions preconditions;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    /** The versions, with an ETag of the whole book: send it as If-Match when adding a version. */
    @Operation(summary = "Policy versions", description = "Every policy version with its parameters and effective date; the ETag covers the whole book.")
    @Extension(name = ApiContract.ETAG, value = "true")
    @GET
    @RolesAllowed({"sme", "partner", "admin", "finance"})
    @Versioned
    public List<PolicyView> list() {
        return book.versions().stream().map(v -> view(v.scheme(), v.version())).toList();
    }

    @Operation(summary = "Add a policy version", description = "Adds a version of the programme's parameters, effective from a future date, with a reason.")
    @Extension(name = ApiContract.CREATED, value = "true")
    @Extension(name = ApiContract.REFUSES, value = "409 422")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @POST
    @RolesAllowed("admin")
    public Response add(@Valid @NotNull PolicyForm form) {
        String scheme = form.scheme() == null ? PolicyBook.HANGZHOU : form.scheme();
        PolicyVersion v = preconditions.write("policies", this::list, () -> book.add(scheme, form.code(), form.effectiveFrom(),
                PolicyParametersJson.read(form.parameters().toString()), caller.name(), form.reason()));
        return Response.status(201).entity(view(scheme, v)).build();
    }

    private PolicyView view(String scheme, PolicyVersion v) {
        try {
            return new PolicyView(v.code(), v.effectiveFrom(), mapper.readTree(PolicyParametersJson.write(v.parameters())), scheme);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
