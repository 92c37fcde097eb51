package org.suanli.voucher.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.eclipse.microprofile.config.spi.Converter;
import org.suanli.kernel.money.Money;

/** {@code voucher.review.*}: which claims wait for review and approval before they are payable. */
@ConfigMapping(prefix = "voucher.review")
public interface ReviewConfig {

    /**
     * A claim whose contract's actual amount is above this (yuan, "500000.00") waits for the program
     * office's review and the finance bureau's approval. Read as fen.
     */
    @WithDefault("500000.00")
    @WithConverter(Yuan.class)
    Long threshold();

    /** A yuan amount in config, as fen, as strict as in the API. */
    final class Yuan implements Converter<Long> {
        @Override
        public Long convert(String value) {
            return Money.parseYuan(value.trim());
        }
    }
}
