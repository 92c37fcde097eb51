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
 * The worked cases of POLICY.md, one test per row, every expected column compared. The vectors are read
 * from the classpath ({@value #DEFAULT_RESOURCE}); {@code -Dpolicy.vectors=PATH} reads a file instead
 * (a relative path resolves against the module directory, where Surefire runs).
 */
class PolicyVectorsTest {

    static final String VECTORS_PROPERTY = "policy.vectors";
    static final String DEFAULT_RESOURCE = "/policy/vectors.csv";

    static final List<String> INPUTS = List.of("id", "contract_date", "buyer_type", "sme", "foundation_model",
            "cap_override_yuan", "category", "facility_type", "filed_model", "amount_yuan", "declared_before_yuan",
            "suanli_used_before_yuan", "suanli_budget_remaining_yuan", "zhineng_mode", "zhineng_budget_remaining_yuan");
    static final List<String> EXPECTED = List.of("expected_policy", "expected_suanli_rate",
            "expected_suanli_computed_yuan", "expected_suanli_granted_yuan", "expected_zhineng_rate",
            "expected_zhineng_computed_yuan", "expected_zhineng_granted_yuan", "expected_buyer_pays_yuan",
            "expected_reasons");

    private static final PolicyEngine ENGINE = SeededPolicies.engine();

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decidesTheWorkedCase(Map<String, String> row) {
        String id = row.get("id");
        SubsidyDecision decision = ENGINE.decide(requestOf(row));

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
                false);
    }

    static Stream<Arguments> vectors() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(openVectors())) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new IllegalStateException("the vectors file is empty");
            }
            List<String> header = List.of(headerLine.replace("\uFEFF", "").trim().split(",", -1));
            Set<String> known = new HashSet<>(INPUTS);
            known.addAll(EXPECTED);
            // A renamed or new column must fail here, not be silently ignored or read as blank.
            if (!new HashSet<>(header).equals(known) || header.size() != known.size()) {
                throw new IllegalStateException("unexpected vectors header: " + header);
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
                    throw new IllegalStateException("line " + lineNo + " has " + fields.length + " fields, not "
                            + header.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < fields.length; i++) {
                    row.put(header.get(i), fields[i].trim());
                }
                String id = required(row, "id");
                if (!ids.add(id)) {
                    throw new IllegalStateException("vector id " + id + " appears twice");
                }
                cases.add(Arguments.of(Named.of(id, row)));
            }
        }
        return cases.stream();
    }

    private static Reader openVectors() throws IOException {
        String path = System.getProperty(VECTORS_PROPERTY);
        if (path != null && !path.isBlank()) {
            return Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
        }
        InputStream in = PolicyVectorsTest.class.getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException(DEFAULT_RESOURCE + " is not on the test classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
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
