package org.suanli.bench.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU time and memory of the stack's processes, from /proc: utime + stime of each (clock ticks of 10 ms),
 * PostgreSQL summed over its processes (the postmaster's background workers and the backends of the four
 * services' databases; backends of other databases — other people's tests on this machine — apart).
 */
final class Procs {

    static final List<String> SERVICES = List.of("catalog-service", "order-service", "voucher-service", "settlement-service");
    static final Set<String> OUR_DATABASES = Set.of("catalog", "orders", "voucher", "settlement");
    static final long TICK_MS = 10; // USER_HZ = 100 on Linux

    private final Path repoRun;
    private final Path infraRun;

    Procs(Path repoRun, Path infraRun) {
        this.repoRun = repoRun;
        this.infraRun = infraRun;
    }

    /** CPU milliseconds so far, by process name (services, kafka, keycloak, postgres, postgres (other databases), bench, machine). */
    Map<String, Long> cpu() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String s : SERVICES) {
            m.put(s, cpuOf(pid(repoRun.resolve("pids/" + s + ".pid"))));
        }
        m.put("kafka", cpuOf(pid(infraRun.resolve("pids/kafka.pid"))));
        m.put("keycloak", cpuOf(pid(infraRun.resolve("pids/keycloak.pid"))));
        long ours = 0, others = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (!"postgres".equals(Files.readString(d.resolve("comm")).trim())) {
                        continue;
                    }
                    // "postgres: 15/main: orders orders 127.0.0.1(51234) idle" for a backend (user, database, client)
                    String[] cmd = Files.readString(d.resolve("cmdline")).replace('\0', ' ').trim().split("\\s+");
                    long t = cpuOf(Long.parseLong(name));
                    String database = null;
                    for (int i = 2; i < cmd.length; i++) {
                        if (cmd[i].endsWith(")") && cmd[i].contains("(") || cmd[i].equals("[local]")) {
                            database = cmd[i - 1];
                            break;
                        }
                    }
                    if (database != null && !OUR_DATABASES.contains(database)) {
                        others += t;
                    } else {
                        ours += t;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        m.put("postgres", ours);
        m.put("postgres (other databases)", others);
        m.put("bench (this load generator)", cpuOf(ProcessHandle.current().pid()));
        m.put("machine (all processes)", machine());
        return m;
    }

    /** Resident set size in MB of each service. */
    Map<String, Long> rss() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String s : SERVICES) {
            long pid = pid(repoRun.resolve("pids/" + s + ".pid"));
            long kb = 0;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kb = Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                kb = -1024;
            }
            m.put(s, kb / 1024);
        }
        return m;
    }

    long pid(String name) {
        Path p = SERVICES.contains(name) ? repoRun.resolve("pids/" + name + ".pid") : infraRun.resolve("pids/" + name + ".pid");
        return pid(p);
    }

    static long pid(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The JVM order-service runs on and its options (the archive and log options left out): the services are
     * started apart from this bench, so its header says what was measured from the running process itself.
     */
    static String serviceJvm(Path repoRun) {
        long pid = pid(repoRun.resolve("pids/order-service.pid"));
        try {
            String[] args = Files.readString(Path.of("/proc/" + pid + "/cmdline")).split("\0");
            StringBuilder sb = new StringBuilder(args[0]);
            for (int i = 1; i < args.length && !args[i].equals("-jar"); i++) {
                if (args[i].startsWith("-X") && !args[i].matches("-XX:(SharedArchiveFile|ArchiveClassesAtExit|AOTCache\\w*)=.*|-Xlog:.*")) {
                    sb.append(' ').append(args[i]);
                }
            }
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }

    static long cpuOf(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MS; // fields 14, 15: utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The stack's share of a {@link #cpu()} map or delta: the four services, the broker, Keycloak and PostgreSQL. */
    static long stack(Map<String, Long> cpu) {
        long total = cpu.get("kafka") + cpu.get("keycloak") + cpu.get("postgres");
        for (String s : SERVICES) {
            total += cpu.get(s);
        }
        return total;
    }

    /** Busy CPU of the whole machine (all cores), from /proc/stat. */
    static long machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * TICK_MS;
        } catch (IOException e) {
            return 0;
        }
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
