import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.suanli.kernel.money.Money;
import org.suanli.settlement.client.VoucherApi;
import org.suanli.settlement.reconciliation.Reconciler;
import org.suanli.settlement.reconciliation.Reconciliation;
import org.suanli.settlement.reconciliation.ReconciliationCsv;
import org.suanli.settlement.reconciliation.VoucherAmounts;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Benchmark (not a test): reconcile one million redemptions with the service's own plain Java classes.
 * Run with bench/settlement/run.sh (it builds the module and the classpath). Steps timed separately:
 *   parse   voucher-service's JSON answer (as the REST client reads it) into amounts in fen
 *   match   Reconciler.reconcile(ledger side, voucher side)
 *   csv     ReconciliationCsv.write of the result
 * Sizes: -Dorders=1000000 -Drounds=3. Planted: 999 mismatches, 100 orders missing on each side.
 */
public class ReconcileBench {

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("orders", 1_000_000);
        int rounds = Integer.getInteger("rounds", 3);
        Random rnd = new Random(20261122L);

        // ledger side: every completed order; voucher side: the same orders, shuffled, with planted differences
        List<VoucherAmounts> ledger = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            long amount = 100_00 + rnd.nextInt(5_000_000_00);
            long suanli = amount * 3000 / 10000;
            long zhineng = (i % 4 == 0) ? amount * 1000 / 10000 : 0;
            ledger.add(new VoucherAmounts(String.format("ord-%08x-%04x", i, rnd.nextInt(0x10000)), suanli, zhineng));
        }
        List<VoucherAmounts> voucher = new ArrayList<>(orders);
        int planted = 0;
        for (int i = 100; i < orders; i++) {                      // the first 100 are missing in voucher-service
            VoucherAmounts l = ledger.get(i);
            boolean mismatch = i % 1000 == 7;                     // 999 mismatches at 1,000,000
            planted += mismatch ? 1 : 0;
            voucher.add(new VoucherAmounts(l.orderId(), l.suanliFen() + (mismatch ? 1 : 0), l.zhinengFen()));
        }
        for (int i = 0; i < 100; i++) {                           // 100 redemptions the ledger never saw
            voucher.add(new VoucherAmounts("ord-unknown-" + i, 12345, 0));
        }
        Collections.shuffle(voucher, rnd);
        Collections.shuffle(ledger, rnd);

        // voucher-service's JSON answer for those redemptions (GET /api/redemptions?year=)
        StringBuilder json = new StringBuilder(voucher.size() * 190);
        json.append('[');
        for (int i = 0; i < voucher.size(); i++) {
            VoucherAmounts v = voucher.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"orderId\":\"").append(v.orderId()).append("\",\"buyerId\":\"ent-xihu-ai\",\"programYear\":2026,")
                    .append("\"redeemedAt\":\"2026-11-22T10:00:00Z\",\"actualAmount\":\"").append(Money.format(v.suanliFen() * 10 / 3))
                    .append("\",\"suanli\":\"").append(Money.format(v.suanliFen())).append("\",\"zhineng\":\"")
                    .append(Money.format(v.zhinengFen())).append("\"}");
        }
        json.append(']');
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        json = null;
        ObjectMapper mapper = new ObjectMapper();

        System.out.printf("orders: ledger %,d, voucher-service %,d; JSON answer %,d MB; JVM %s, %d cpus, max heap %,d MB%n",
                ledger.size(), voucher.size(), body.length >> 20, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (int round = 1; round <= rounds; round++) {
            System.gc();
            long t0 = System.nanoTime();
            List<VoucherApi.Redemption> rows = mapper.readValue(body, new TypeReference<List<VoucherApi.Redemption>>() { });
            List<VoucherAmounts> parsed = new ArrayList<>(rows.size());
            for (VoucherApi.Redemption r : rows) {
                parsed.add(new VoucherAmounts(r.orderId(), Money.parseYuan(r.suanli()), Money.parseYuan(r.zhineng())));
            }
            rows = null;
            long t1 = System.nanoTime();
            Reconciliation result = Reconciler.reconcile(ledger, parsed);
            long t2 = System.nanoTime();
            CountingStream sink = new CountingStream();
            ReconciliationCsv.write(result, new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16));
            long t3 = System.nanoTime();
            System.out.printf("round %d: parse %6.0f ms | match %6.0f ms | csv %4.0f ms | total %6.0f ms  "
                            + "(matched %,d, mismatches %,d, missing in ledger %,d, missing in voucher %,d, suanli diff %,d fen, csv %,d bytes)%n",
                    round, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t3 - t0), result.matched(), result.mismatches().size(),
                    result.missingInLedger().size(), result.missingInVoucher().size(), result.totals().suanliDifferenceFen(),
                    sink.count);
            if (result.mismatches().size() != planted || result.missingInLedger().size() != 100
                    || result.missingInVoucher().size() != 100) {
                throw new IllegalStateException("the planted differences were not all found");
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
