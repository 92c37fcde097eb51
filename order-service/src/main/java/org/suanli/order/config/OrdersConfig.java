package org.suanli.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** order-service's own settings ({@code orders.*}), typed. */
@ConfigMapping(prefix = "orders")
public interface OrdersConfig {

    /** How long an order may wait in PLACED for capacity and subsidy before it is rejected (TIMEOUT). */
    @WithDefault("2M")
    Duration confirmationDeadline();

    /** How often deadlines and expired windows are swept ("off" in tests, which sweep by hand). */
    @WithDefault("5s")
    String sweepInterval();

    /**
     * At most this many orders are created in one transaction: POSTs that arrive while one batch commits are
     * written together in the next (see OrderService#place). 1 writes each alone.
     */
    @WithDefault("100")
    int placementBatch();

    /** The copy of offerings a POST decides on without asking catalog-service (see KnownOfferings). */
    Offerings offerings();

    interface Offerings {

        /** How long a read of an offering is used as it is before it is read again. */
        @WithDefault("5s")
        Duration freshFor();

        /** How much longer it is still used while catalog-service cannot be reached. */
        @WithDefault("10M")
        Duration staleFor();
    }
}
