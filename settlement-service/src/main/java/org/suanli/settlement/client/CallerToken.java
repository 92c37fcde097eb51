package org.suanli.settlement.client;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.suanli.kernel.problem.ProblemException;

/**
 * The caller's access token as an {@code Authorization} header value, to pass on to voucher-service. Works for
 * both tenants: the API's bearer token and the dashboard's browser session (whose access token Quarkus keeps
 * in the session cookie; the ID token would not be accepted by voucher-service).
 */
@RequestScoped
public class CallerToken {

    @Inject
    SecurityIdentity identity;

    public String bearer() {
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.getToken() == null) {
            throw new ProblemException(401, "unauthorized", "Authentication required",
                    "a valid bearer token is required to read voucher-service's figures");
        }
        return "Bearer " + token.getToken();
    }
}
