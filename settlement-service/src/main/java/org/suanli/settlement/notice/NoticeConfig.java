package org.suanli.settlement.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The public notice's terms ({@code settlement.notice.*}). */
@ConfigMapping(prefix = "settlement.notice")
public interface NoticeConfig {

    /** Working days (Mon–Fri, Asia/Shanghai) after the day of publication during which objections are taken. */
    @WithDefault("5")
    int objectionWorkingDays();

    /** Objections one client address may file at once before it must wait. */
    @WithDefault("5")
    int objectionsPerClient();

    /** How often a client address earns one more objection after that. */
    @WithDefault("PT12M")
    Duration objectionRefill();
}
