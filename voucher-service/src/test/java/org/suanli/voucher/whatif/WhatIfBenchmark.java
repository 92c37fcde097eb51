package org.suanli.voucher.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.suanli.voucher.Api;
import org.suanli.voucher.policy.PolicyParameters;
import org.suanli.voucher.policy.PolicyParametersJson;
import org.suanli.voucher.policy.SeededPolicies;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: the benchmark of the policy what-if (bench/policy-whatif/run.sh runs it; the default test run
 * excludes the "benchmark" tag). A city's year of 100,000 contracts from 5,000 buyers and 50 partners is
 * written straight into the holds table, then the year is replayed under "compute at 20% from July" — the
 * holds read from PostgreSQL, every contract decided again in order against the budget and the caps, the
 * breakdowns, run-out dates and buyers' changes summed — first in-process (WhatIfService), then through
 * the API with a real finance token.
 */
@QuarkusTest
@Tag("benchmark")
class WhatIfBenchmark {

    static final int CONTRACTS = Integer.getInteger("bench.contracts", 100_000);
    static final int BUYERS = 5_000;
    static final int YEAR = 2044;
    static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    @Inject
    WhatIfService whatIf;

    @Inject
    AgroalDataSource db;

    @Test
    void a_year_of_a_city_replayed() throws Exception {
        seed();
        String json = SeededPolicies.hz2025WithComputeRates("{\"flatBp\": 2000, \"byFacilityBp\": null}");
        PolicyParameters twenty = PolicyParametersJson.read(json);
        WhatIfService.Question q = new WhatIfService.Question(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31), twenty,
                LocalDate.of(YEAR, 7, 1), null, null);
        WhatIfReport last = null;
        for (int i = 0; i < WARMUP; i++) {
            last = whatIf.replay(q);
        }
        assertThat(last.contracts()).as("every contract of the year replayed").isEqualTo(CONTRACTS);
        List<Double> service = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            last = whatIf.replay(q);
            service.add((System.nanoTime() - t0) / 1e6);
        }
        String body = """
                {"year":%d,"effectiveFrom":"%d-07-01","parameters":%s}""".formatted(YEAR, YEAR, json);
        List<Double> api = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            var request = Api.as("finance1").body(body); // the token is fetched once, outside the timing
            long t0 = System.nanoTime();
            request.post("/api/what-if").then().statusCode(200);
            api.add((System.nanoTime() - t0) / 1e6);
        }
        service.sort(null);
        api.sort(null);
        WhatIfReport.ProgramTotal suanli = last.programs().get(0);
        WhatIfReport.RunOut runOut = last.runOut().stream().filter(o -> o.year() == YEAR
                && o.program() == org.suanli.voucher.budget.Program.SUANLI).findFirst().orElseThrow();
        String section = String.format("- %d contracts of %d buyers, \"compute at 20%% from July\": in-process median %.0f ms"
                        + " (min %.0f, max %.0f, %d rounds after %d warm-up); through the API median %.0f ms (min %.0f, max %.0f)%n"
                        + "  - 算力券 live %d fen, replayed %d fen; budget %d fen runs out live %s, replayed %s; %d buyers gain, %d lose (top %d listed)%n",
                CONTRACTS, BUYERS, service.get(service.size() / 2), service.get(0), service.get(service.size() - 1), ROUNDS, WARMUP,
                api.get(api.size() / 2), api.get(0), api.get(api.size() - 1),
                suanli.liveFen(), suanli.replayedFen(), runOut.budgetFen(), runOut.liveRunOut(), runOut.replayedRunOut(),
                last.gainMost().size(), last.loseMost().size(), PolicyReplay.TOP);
        System.out.print(section);
        String file = System.getProperty("bench.section");
        if (file != null) {
            Files.writeString(Path.of(file), section, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /**
     * The year, written directly: buyers (one in five an SME), and contracts of 5,000.00–14,700.00 CNY spread
     * evenly over the year, nine in ten compute (one in three of those on OTHER facilities), with the figures
     * HZ-2025 gives them before any budget: about 280,000,000 CNY asked of a 250,000,000 CNY budget.
     */
    private void seed() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into buyer (id, name, credit_code, buyer_type, sme, foundation_model)
                    select 'bench-wi-buyer-' || g, 'Bench buyer ' || g, '91330100WI' || lpad(g::text, 8, '0'), 'ENTERPRISE',
                           g %% 5 = 0, false
                    from generate_series(0, %d) g on conflict do nothing""".formatted(BUYERS - 1));
            s.execute("insert into program_budget (program, program_year, budget_fen) values ('SUANLI', " + YEAR
                    + ", 25000000000), ('ZHINENG', " + YEAR + ", 5000000000) on conflict do nothing");
            s.execute("""
                    insert into subsidy_hold (order_id, buyer_id, program_year, contract_date, policy_code, category,
                        facility_type, partner_id, zhineng_mode, estimated_amount_fen, declared_fen, suanli_rate_bp,
                        zhineng_rate_bp, suanli_held_fen, zhineng_held_fen, status, reasons, created_at, updated_at)
                    select 'bench-wi-' || g, 'bench-wi-buyer-' || (g %% %1$d), %2$d,
                           date '%2$d-01-01' + (g * 365 / %3$d), 'HZ-2025',
                           case when g %% 10 = 0 then 'MODEL_SERVICE' else 'COMPUTE' end,
                           case when g %% 10 = 0 then null when g %% 3 = 0 then 'OTHER' else 'DOMESTIC' end,
                           'bench-ptn-' || (g %% 50), 'NONE', a.fen, 0, a.bp, 0, a.fen * a.bp / 10000, 0, 'HELD', '',
                           timestamp '%2$d-01-01' + g * interval '5 minutes', now()
                    from generate_series(0, %4$d) g,
                         lateral (select (500000 + (g %% 97) * 10000)::bigint as fen,
                                         case when g %% 10 <> 0 and g %% 3 = 0 then 2000 else 3000 end as bp) a
                    on conflict do nothing""".formatted(BUYERS, YEAR, CONTRACTS, CONTRACTS - 1));
            try (ResultSet r = s.executeQuery("select count(*) from subsidy_hold where program_year = " + YEAR)) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(CONTRACTS);
            }
        }
    }
}
