package org.suanli.voucher.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy versions exactly as the database is seeded with them: read from the Flyway migrations on
 * the classpath, so tests and database can never disagree on a figure. Hangzhou's versions come from V2;
 * each other city's program from the migration that added it.
 */
public final class SeededPolicies {

    public static final String MIGRATION = "/db/migration/V2__policy_versions.sql";
    /** The migration that seeds each city's program (scheme). */
    public static final Map<String, String> MIGRATION_OF_SCHEME = Map.of(
            "HZ", MIGRATION,
            "QS", "/db/migration/V5__second_city_program.sql");

    /** ('CODE', date 'YYYY-MM-DD', $params$ {json} $params$::jsonb, ... */
    private static final Pattern VERSION_ROW = Pattern.compile(
            "\\(\\s*'([^']+)'\\s*,\\s*date\\s+'(\\d{4}-\\d{2}-\\d{2})'\\s*,\\s*\\$params\\$(.*?)\\$params\\$::jsonb",
            Pattern.DOTALL);

    private static final List<PolicyVersion> VERSIONS = load(MIGRATION);

    private SeededPolicies() {
    }

    public static List<PolicyVersion> versions() {
        return VERSIONS;
    }

    public static PolicyEngine engine() {
        return new PolicyEngine(VERSIONS);
    }

    /** The engine of one city's program, as its migration seeds it. */
    public static PolicyEngine engine(String scheme) {
        String migration = MIGRATION_OF_SCHEME.get(scheme);
        if (migration == null) {
            throw new IllegalArgumentException("no migration seeds scheme " + scheme);
        }
        return new PolicyEngine(load(migration));
    }

    public static PolicyVersion version(String code) {
        return VERSIONS.stream().filter(v -> v.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code + " is not seeded by " + MIGRATION));
    }

    /** The seeded JSON of one version, as written in the migration. */
    public static String parametersJson(String code) {
        for (String migration : MIGRATION_OF_SCHEME.values()) {
            Matcher row = VERSION_ROW.matcher(migrationText(migration));
            while (row.find()) {
                if (row.group(1).equals(code)) {
                    return row.group(3).trim();
                }
            }
        }
        throw new IllegalArgumentException(code + " is not seeded by " + MIGRATION_OF_SCHEME.values());
    }

    /**
     * HZ-2025's seeded JSON with another 算力券 rate table for compute, e.g. {@code {"flatBp": 2000,
     * "byFacilityBp": null}}: the draft a what-if asks about. Fails if the seeded table is not found.
     */
    public static String hz2025WithComputeRates(String computeRates) {
        String seeded = parametersJson("HZ-2025");
        String table = "\"COMPUTE\": {\"flatBp\": null, \"byFacilityBp\": {\"DOMESTIC\": 3000, \"OTHER\": 2000}},";
        if (!seeded.contains(table)) {
            throw new IllegalStateException("HZ-2025's compute rates are not seeded as " + table);
        }
        return seeded.replace(table, "\"COMPUTE\": " + computeRates + ",");
    }

    private static List<PolicyVersion> load(String migration) {
        String sql = migrationText(migration);
        List<PolicyVersion> versions = new ArrayList<>();
        Matcher row = VERSION_ROW.matcher(sql);
        while (row.find()) {
            versions.add(new PolicyVersion(row.group(1), LocalDate.parse(row.group(2)),
                    PolicyParametersJson.read(row.group(3))));
        }
        // A row the pattern failed to recognise must not silently drop a version from the tests.
        int quotes = sql.split("\\$params\\$", -1).length - 1;
        if (versions.isEmpty() || quotes != 2 * versions.size()) {
            throw new IllegalStateException(migration + ": read " + versions.size() + " versions but found "
                    + quotes + " $params$ quotes");
        }
        return List.copyOf(versions);
    }

    private static String migrationText(String migration) {
        try (InputStream in = SeededPolicies.class.getResourceAsStream(migration)) {
            if (in == null) {
                throw new IllegalStateException(migration + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
