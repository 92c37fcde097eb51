package org.suanli.kernel.config;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.TreeSet;

/**
 * The secrets a service cannot run without ({@code kernel.required-secrets.<name>=${the.property}}). Their
 * properties have a value only in the dev and test profiles; a mapping's values are required, so a service
 * started in prod without one stops while reading its configuration, before it opens any connection, with
 * SmallRye's "Could not expand value X in property Y" naming what to set. (The settings themselves are
 * optional to Quarkus: left empty they would only fail later, or connect without a password.)
 */
@ConfigMapping(prefix = "kernel.required-secrets")
public interface RequiredSecrets {

    @WithParentName
    Map<String, String> values();

    @ApplicationScoped
    class Check {
        private static final Logger LOG = Logger.getLogger(RequiredSecrets.class);

        @Inject
        RequiredSecrets secrets;

        void onStart(@Observes StartupEvent ignored) {
            LOG.debugf("required secrets present: %s", new TreeSet<>(secrets.values().keySet()));
        }
    }
}
