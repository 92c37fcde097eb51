package org.suanli.voucher.policy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked cases of docs/POLICY.md, one test per row, every expected column compared: one vectors file
 * per city program, each decided by that program's engine as its migration seeds it. The files are read
 * from the classpath ({@link #FILES}); {@code -Dpolicy.vectors=PATH} reads one file instead (a relative path
 * resolves against the module directory, where Surefire runs), decided under Hangzhou's program unless
 * {@code -Dpolicy.vectors.scheme=QS} names another.
 */
class PolicyVectorsTest {

    static final String VECTORS_PROPERTY = "policy.vectors";
    static final String SCHEME_PROPERTY = "policy.vectors.scheme";
    static final String DEFAULT_RESOURCE = "/policy/vectors.csv";

    /** A vectors file and the city program (scheme) whose engine must decide its rows. */
    record VectorFile(String name, String resource, String scheme) {
    }

    static final List<VectorFile> FILES = List.of(
            new VectorFile("hangzhou", DEFAULT_RESOURCE, "HZ"),
            new VectorFile("qingshan", "/policy/qingshan-vectors.csv", "QS"));

    /** Columns a file may add for the rules only some programs apply (rules 12 and 13); blank or absent = not stated. */
    static final List<String> OPTIONAL_INPUTS = List.of("term_end", "claimed_before");

    static final List<String> INPUTS = List.of("id", "contract_date", "buyer_type", "sme", "foundation_model",
            "cap_override_yuan", "category", "facility_type", "filed_model", "amount_yuan", "declared_before_yuan",
            "suanli_used_before_yuan", "suanli_budget_remaining_yuan", "zhineng_mode", "zhineng_budget_remaining_yuan");
    static final List<String> EXPECTED = List.of("expected_policy", "expected_suanli_rate",
            "expected_suanli_computed_yuan", "expected_suanli_granted_yuan", "expected_zhineng_rate",
            "expected_zhineng_computed_yuan", "expected_zhineng_granted_yuan", "expected_buyer_pays_yuan",
            "expected_reasons");

    private static final Map<String, PolicyEngine> ENGINES = new java.util.concurrent.ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decidesTheWorkedCase(Map<String, String> row) {
        String id = row.get("id");
        PolicyEngine engine = ENGINES.computeIfAbsent(row.get(SCHEME), SeededPolicies::engine);
        SubsidyDecision decision = engine.decide(requestOf(row));

        assertAll(id,
                () -> assertEquals(required(row, "expected_policy"), decision.policyCode(), "policy"),
                () -> assertEquals(Yuan.bp(required(row, "expected_suanli_rate")), decision.suanliRateBp(), "suanli_rate (bp)"),
                () -> assertFen(row, "expected_suanli_computed_yuan", decision.suanliComputedFen()),
                () -> assertFen(row, "expected_suanli_granted_yuan", decision.suanliGrantedFen()),
                () -> assertEquals(Yuan.bp(required(row, "expected_zhineng_rate")), decision.zhinengRateBp(), "zhineng_rate (bp)"),
                () -> assertFen(row, "expected_zhineng_computed_yuan", decision.zhinengComputedFen()),
                () -> assertFen(row, "expected_zhineng_granted_yuan", decision.zhinengGrantedFen()),
                () -> assertFen(row, "expected_buyer_pays_yuan", decision.buyerPaysFen()),
                // The decision's own order (by name) must be the CSV's sorted order.
                () -> assertEquals(row.get("expected_reasons"), decision.reasonsJoined(), "reasons"));
    }

    private static void assertFen(Map<String, String> row, String column, long actualFen) {
        long expected = Yuan.fen(required(row, column));
        assertEquals(expected, actualFen, () -> column + ": expected " + Yuan.show(expected) + " yuan, got "
                + Yuan.show(actualFen));
    }

    /** The vectors carry no partner or related-party columns: an approved, unrelated partner. */
    static SubsidyRequest requestOf(Map<String, String> row) {
        return new SubsidyRequest(
                LocalDate.parse(required(row, "contract_date")),
                BuyerType.valueOf(required(row, "buyer_type")),
                flag(row, "sme"),
                flag(row, "foundation_model"),
                optional(row, "cap_override_yuan", Yuan::fen),
                Category.valueOf(required(row, "category")),
                optional(row, "facility_type", FacilityType::valueOf),
                flag(row, "filed_model"),
                Yuan.fen(required(row, "amount_yuan")),
                zeroIfBlank(row, "declared_before_yuan"),
                zeroIfBlank(row, "suanli_used_before_yuan"),
                optional(row, "suanli_budget_remaining_yuan", Yuan::fen),   // blank: plenty left
                blank(row, "zhineng_mode") ? ZhinengMode.NONE : ZhinengMode.valueOf(row.get("zhineng_mode").trim()),
                optional(row, "zhineng_budget_remaining_yuan", Yuan::fen),  // blank: plenty left
                true,
                false,
                optional(row, "term_end", LocalDate::parse),
                flag(row, "claimed_before"));
    }

    /** Where the test keeps the row's program; never a CSV column (a header naming it is refused). */
    private static final String SCHEME = "(scheme)";

    static Stream<Arguments> vectors() throws IOException {
        String path = System.getProperty(VECTORS_PROPERTY);
        if (path != null && !path.isBlank()) {
            String scheme = System.getProperty(SCHEME_PROPERTY, "HZ");
            return read(Path.of(path).getFileName().toString(), scheme,
                    Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)).stream();
        }
        List<Arguments> all = new ArrayList<>();
        for (VectorFile file : FILES) {
            InputStream in = PolicyVectorsTest.class.getResourceAsStream(file.resource());
            if (in == null) {
                throw new IllegalStateException(file.resource() + " is not on the test classpath");
            }
            all.addAll(read(file.name(), file.scheme(), new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
        return all.stream();
    }

    private static List<Arguments> read(String fileName, String scheme, Reader reader) throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new IllegalStateException(fileName + ": the vectors file is empty");
            }
            List<String> header = List.of(headerLine.replace("\uFEFF", "").trim().split(",", -1));
            Set<String> required = new HashSet<>(INPUTS);
            required.addAll(EXPECTED);
            Set<String> allowed = new HashSet<>(required);
            allowed.addAll(OPTIONAL_INPUTS);
            // A renamed or unknown column must fail here, not be silently ignored or read as blank.
            if (!header.containsAll(required) || !allowed.containsAll(header) || new HashSet<>(header).size() != header.size()) {
                throw new IllegalStateException(fileName + ": unexpected vectors header: " + header);
            }
            Set<String> ids = new HashSet<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != header.size()) {
                    throw new IllegalStateException(fileName + ": line " + lineNo + " has " + fields.length + " fields, not "
                            + header.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < fields.length; i++) {
                    row.put(header.get(i), fields[i].trim());
                }
                String id = required(row, "id");
                if (!ids.add(id)) {
                    throw new IllegalStateException(fileName + ": vector id " + id + " appears twice");
                }
                row.put(SCHEME, scheme);
                cases.add(Arguments.of(Named.of(fileName + " " + id, row)));
            }
        }
        return cases;
    }

    private static boolean blank(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank();
    }

    private static String required(Map<String, String> row, String column) {
        if (blank(row, column)) {
            throw new IllegalArgumentException(column + " is required in vector " + row.get("id"));
        }
        return row.get(column);
    }

    private static <T> T optional(Map<String, String> row, String column, Function<String, T> parse) {
        return blank(row, column) ? null : parse.apply(row.get(column));
    }

    private static long zeroIfBlank(Map<String, String> row, String column) {
        return blank(row, column) ? 0 : Yuan.fen(row.get(column));
    }

    /** Strict: "true" or "false"; blank is false (not an SME, not a foundation model, not filed). */
    private static boolean flag(Map<String, String> row, String column) {
        if (blank(row, column)) {
            return false;
        }
        return switch (row.get(column)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(column + " must be true or false in vector " + row.get("id"));
        };
    }
}
