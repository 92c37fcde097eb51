package org.suanli.voucher.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy versions exactly as the database is seeded with them: read from the Flyway migration on
 * the classpath, so tests and database can never disagree on a figure.
 */
public final class SeededPolicies {

    public static final String MIGRATION = "/db/migration/V2__policy_versions.sql";

    /** ('CODE', date 'YYYY-MM-DD', $params$ {json} $params$::jsonb, ... */
    private static final Pattern VERSION_ROW = Pattern.compile(
            "\\(\\s*'([^']+)'\\s*,\\s*date\\s+'(\\d{4}-\\d{2}-\\d{2})'\\s*,\\s*\\$params\\$(.*?)\\$params\\$::jsonb",
            Pattern.DOTALL);

    private static final List<PolicyVersion> VERSIONS = load();

    private SeededPolicies() {
    }

    public static List<PolicyVersion> versions() {
        return VERSIONS;
    }

    public static PolicyEngine engine() {
        return new PolicyEngine(VERSIONS);
    }

    public static PolicyVersion version(String code) {
        return VERSIONS.stream().filter(v -> v.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code + " is not seeded by " + MIGRATION));
    }

    /** The seeded JSON of one version, as written in the migration. */
    public static String parametersJson(String code) {
        Matcher row = VERSION_ROW.matcher(migrationText());
        while (row.find()) {
            if (row.group(1).equals(code)) {
                return row.group(3).trim();
            }
        }
        throw new IllegalArgumentException(code + " is not seeded by " + MIGRATION);
    }

    private static List<PolicyVersion> load() {
        String sql = migrationText();
        List<PolicyVersion> versions = new ArrayList<>();
        Matcher row = VERSION_ROW.matcher(sql);
        while (row.find()) {
            versions.add(new PolicyVersion(row.group(1), LocalDate.parse(row.group(2)),
                    PolicyParametersJson.read(row.group(3))));
        }
        // A row the pattern failed to recognise must not silently drop a version from the tests.
        int quotes = sql.split("\\$params\\$", -1).length - 1;
        if (versions.isEmpty() || quotes != 2 * versions.size()) {
            throw new IllegalStateException(MIGRATION + ": read " + versions.size() + " versions but found "
                    + quotes + " $params$ quotes");
        }
        return List.copyOf(versions);
    }

    private static String migrationText() {
        try (InputStream in = SeededPolicies.class.getResourceAsStream(MIGRATION)) {
            if (in == null) {
                throw new IllegalStateException(MIGRATION + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
