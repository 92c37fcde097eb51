package org.suanli.kernel.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Samples (records and exports) every trace when an OTLP endpoint is configured, none otherwise. Unsampled
 * spans still carry real trace and span ids: logs, outbox rows and Kafka headers name the trace either way, so
 * an order can be followed through the logs with no collector, and no exporter fails against a missing one.
 */
@ApplicationScoped
public class TracingSampler {

    /** The ordinal of META-INF/microprofile-config.properties, where the kernel's defaults live. */
    private static final int KERNEL_DEFAULTS_ORDINAL = 100;

    @Produces
    @Singleton
    Sampler sampler() {
        Config config = ConfigProvider.getConfig();
        boolean export = config.getOptionalValue("kernel.tracing.otlp-endpoint", String.class).filter(v -> !v.isBlank()).isPresent()
                || explicit(config, "quarkus.otel.exporter.otlp.traces.endpoint") || explicit(config, "quarkus.otel.exporter.otlp.endpoint");
        return export ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
    }

    /** Set by the deployment (environment, system property, application.properties), not a library default. */
    private static boolean explicit(Config config, String key) {
        ConfigValue v = config.getConfigValue(key);
        return v != null && v.getValue() != null && !v.getValue().isBlank() && v.getSourceOrdinal() > KERNEL_DEFAULTS_ORDINAL;
    }
}
