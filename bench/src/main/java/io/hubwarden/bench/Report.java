package io.hubwarden.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What a scenario prints: the machine (cores, JVM, heap limit, database, load average) and each figure, with its
 * ratio to the target where there is one. Figures measured while other programs use the cores are noisy, so the
 * load average is printed beside each target.
 */
final class Report {

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void machine(String scenario, String database, DataSource dataSource) {
        out.printf(
                Locale.ROOT,
                "== %s | %d cores | %s %s | max heap %d MiB | database %s (%s) | load %s%n",
                scenario,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                database,
                product(dataSource),
                loadAverage());
    }

    void line(String format, Object... arguments) {
        out.printf(Locale.ROOT, format + "%n", arguments);
    }

    void figure(String name, double value, String unit) {
        out.printf(Locale.ROOT, "  %-44s %12.1f %s%n", name, value, unit);
    }

    /** A figure that should be at least {@code target}. */
    void atLeast(String name, double value, double target, String unit) {
        out.printf(
                Locale.ROOT,
                "  %-44s %12.1f %s   target >= %s: ratio %.2f %s   (load %s)%n",
                name,
                value,
                unit,
                plain(target),
                value / target,
                value >= target ? "MET" : "MISSED",
                loadAverage());
    }

    /** A figure that should be at most {@code target}. */
    void atMost(String name, double value, double target, String unit) {
        out.printf(
                Locale.ROOT,
                "  %-44s %12.1f %s   target <= %s: ratio %.2f %s   (load %s)%n",
                name,
                value,
                unit,
                plain(target),
                value / target,
                value <= target ? "MET" : "MISSED",
                loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, from {@code /proc/loadavg} where there is one. */
    static String loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).split(" ", -1);
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | IndexOutOfBoundsException | NumberFormatException unreadable) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** A target as written: 1200, 1.5, not 1200.0 or a rounded 2. */
    private static String plain(double target) {
        return BigDecimal.valueOf(target).stripTrailingZeros().toPlainString();
    }

    private static String product(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (java.sql.SQLException e) {
            return "unknown version";
        }
    }
}
