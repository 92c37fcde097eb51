package org.suanli.kernel.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.tracing.Correlation;

/**
 * Who is calling, in the marketplace's words: the token's subject and roles, and the enterprise or
 * partner the Keycloak user is attached to (claims {@code enterprise_id}, {@code partner_id}).
 */
@RequestScoped
public class Caller {

    public static final String SME = "sme";
    public static final String PARTNER = "partner";
    public static final String ADMIN = "admin";
    public static final String FINANCE = "finance";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Admin and finance see across enterprises and partners. */
    public boolean isOfficial() {
        return is(ADMIN) || is(FINANCE);
    }

    public String enterpriseId() {
        String id = claim("enterprise_id");
        if (id == null) {
            throw ProblemException.forbidden("your account is not attached to an enterprise (claim enterprise_id)");
        }
        Correlation.buyer(id);
        return id;
    }

    public String partnerId() {
        String id = claim("partner_id");
        if (id == null) {
            throw ProblemException.forbidden("your account is not attached to a compute partner (claim partner_id)");
        }
        Correlation.partner(id);
        return id;
    }

    /** The raw bearer token, for a read passed on to another service on the caller's behalf. */
    public String bearer() {
        return "Bearer " + jwt.getRawToken();
    }

    private String claim(String name) {
        Object v = jwt.getClaim(name);
        return v == null ? null : v.toString();
    }
}
