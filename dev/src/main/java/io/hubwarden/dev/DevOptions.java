package io.hubwarden.dev;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the embedded default listens and keeps its data. Every value has a default, can be set in the environment
 * ({@code HUBWARDEN_DEV_PORT=9080}) and on the command line ({@code --port=9080}, which wins). Arguments this class
 * does not know are handed to the server as Spring Boot arguments, so {@code --logging.level.io.hubwarden=DEBUG}
 * works too.
 *
 * @param port the server's HTTP port on 127.0.0.1
 * @param smtpPort the mailbox's SMTP port
 * @param mailboxPort the mailbox's web page
 * @param metaPort the Meta simulator's HTTP port
 * @param metaHttpsPort the Meta simulator's HTTPS port, -1 for none
 * @param tiktokPort the TikTok simulator's HTTP port
 * @param dataDirectory where the database, the master key and the demo sign-in live
 * @param serverArguments what the server gets as command-line arguments
 */
record DevOptions(
        int port,
        int smtpPort,
        int mailboxPort,
        int metaPort,
        int metaHttpsPort,
        int tiktokPort,
        Path dataDirectory,
        List<String> serverArguments) {

    DevOptions {
        for (int value : new int[] {port, smtpPort, mailboxPort, metaPort, tiktokPort}) {
            if (value < 1 || value > 65_535) {
                throw new IllegalArgumentException("ports are numbers from 1 to 65535, not " + value);
            }
        }
        if (metaHttpsPort != -1 && (metaHttpsPort < 1 || metaHttpsPort > 65_535)) {
            throw new IllegalArgumentException("the simulator's HTTPS port is a number from 1 to 65535, or -1");
        }
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        serverArguments = List.copyOf(serverArguments);
    }

    /**
     * Reads the options from the command line and the environment.
     *
     * @throws IllegalArgumentException when a value is not a port number
     */
    static DevOptions parse(String[] arguments, Map<String, String> environment) {
        var values = new HashMap<String, String>();
        for (var option : Option.values()) {
            var fromEnvironment = environment.get(option.variable);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                values.put(option.flag, fromEnvironment.trim());
            }
        }
        List<String> rest = new ArrayList<>();
        for (var argument : arguments) {
            var option = Option.of(argument);
            if (option == null) {
                rest.add(argument);
            } else {
                values.put(option.flag, argument.substring(option.flag.length() + 3));
            }
        }
        return new DevOptions(
                port(values, Option.PORT),
                port(values, Option.SMTP_PORT),
                port(values, Option.MAILBOX_PORT),
                port(values, Option.META_PORT),
                port(values, Option.META_HTTPS_PORT),
                port(values, Option.TIKTOK_PORT),
                Path.of(values.getOrDefault(Option.DATA.flag, Option.DATA.fallback)),
                rest);
    }

    /** These options with another data directory. */
    DevOptions withDataDirectory(Path value) {
        return new DevOptions(port, smtpPort, mailboxPort, metaPort, metaHttpsPort, tiktokPort, value, serverArguments);
    }

    private static int port(Map<String, String> values, Option option) {
        var text = values.getOrDefault(option.flag, option.fallback);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + option.flag + " (" + option.variable + ") is not a port number: " + text, e);
        }
    }

    /** The options, their environment variables and defaults. */
    enum Option {
        PORT("port", "HUBWARDEN_DEV_PORT", "8080"),
        SMTP_PORT("smtp-port", "HUBWARDEN_DEV_SMTP_PORT", "2525"),
        MAILBOX_PORT("mailbox-port", "HUBWARDEN_DEV_MAILBOX_PORT", "8025"),
        META_PORT("meta-port", "HUBWARDEN_DEV_META_PORT", "8090"),
        META_HTTPS_PORT("meta-https-port", "HUBWARDEN_DEV_META_HTTPS_PORT", "8443"),
        TIKTOK_PORT("tiktok-port", "HUBWARDEN_DEV_TIKTOK_PORT", "8095"),
        DATA("data", "HUBWARDEN_DEV_DATA", "data");

        final String flag;
        final String variable;
        final String fallback;

        Option(String flag, String variable, String fallback) {
            this.flag = flag;
            this.variable = variable;
            this.fallback = fallback;
        }

        static @Nullable Option of(String argument) {
            for (var option : values()) {
                if (argument.startsWith("--" + option.flag + "=")) {
                    return option;
                }
            }
            return null;
        }
    }
}
