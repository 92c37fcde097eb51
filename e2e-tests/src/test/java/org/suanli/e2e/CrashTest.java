package org.suanli.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service killed mid-flow (SIGKILL: no shutdown, nothing flushed) and started again: the orders it
 * missed are taken up where they were, and nothing is done twice.
 */
class CrashTest {

    @Test
    void orders_placed_while_voucher_service_is_down_are_confirmed_once_it_is_back() throws Exception {
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "10.00", "1000.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);

        services("kill", "voucher-service");
        String order;
        try {
            // 100 h × 10.00 = 1,000.00 CNY on DOMESTIC at 30%: 300.00 to hold once voucher-service is back.
            order = Orders.place(buyer.token(), offering, "100.0", "NONE");
            // The capacity is reserved, but without a subsidy decision the order cannot be confirmed.
            OrderJourneyTest.await(() -> assertThat(Orders.read(buyer.token(), order).getString("capacity")).isEqualTo("RESERVED"));
            assertThat(Orders.read(buyer.token(), order).getString("state")).isEqualTo("PLACED");
        } finally {
            services("start");
        }
        JsonPath confirmed = Orders.awaitState(buyer.token(), order, "CONFIRMED");
        assertThat(confirmed.getString("subsidy.suanliHeld")).isEqualTo("300.00");
        Stack.as("finance1").baseUri(Stack.VOUCHER).get("/api/ledger?orderId=" + order).then()
                .body("kind", org.hamcrest.Matchers.contains("HOLD"));
    }

    private static void services(String... args) throws Exception {
        Path repo = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "..")).toAbsolutePath();
        if (!repo.resolve("deploy/services.sh").toFile().exists()) {
            repo = repo.getParent();
        }
        String[] command = new String[args.length + 1];
        command[0] = repo.resolve("deploy/services.sh").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put("SUANLI_ENV", "e2e");
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
