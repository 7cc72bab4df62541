package io.hubwarden.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's options, given as {@code --name=value}. Options whose name starts with {@code hubwarden.},
 * {@code spring.} or {@code server.} are settings of the server under test and are handed to it unchanged.
 */
final class Options {

    private final Map<String, String> values;
    private final List<String> serverArguments;

    private Options(Map<String, String> values, List<String> serverArguments) {
        this.values = values;
        this.serverArguments = serverArguments;
    }

    static Options parse(List<String> arguments) {
        var values = new LinkedHashMap<String, String>();
        var server = new ArrayList<String>();
        for (var argument : arguments) {
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("Options look like --name=value, not " + argument);
            }
            var body = argument.substring(2);
            if (body.startsWith("hubwarden.") || body.startsWith("spring.") || body.startsWith("server.")) {
                server.add(argument);
                continue;
            }
            int equals = body.indexOf('=');
            if (equals < 0) {
                values.put(body, "true");
            } else {
                values.put(body.substring(0, equals), body.substring(equals + 1));
            }
        }
        return new Options(values, List.copyOf(server));
    }

    /** The same options with one changed; for scenarios that run others with their own sizes. */
    Options with(String name, String value) {
        var changed = new LinkedHashMap<>(values);
        changed.put(name, value);
        return new Options(changed, serverArguments);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** Whether an option such as {@code --conditional} was given (without a value, or as {@code =true}). */
    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    int integer(String name, int fallback) {
        var value = values.get(name);
        return value == null
                ? fallback
                : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    /** Whole numbers separated by commas, such as {@code 10000,100000}. */
    List<Integer> integers(String name, String fallback) {
        var all = new ArrayList<Integer>();
        for (var part : values.getOrDefault(name, fallback).split(",", -1)) {
            all.add(Integer.parseInt(part.strip().replace("_", "")));
        }
        return all;
    }

    /** A duration such as {@code 50ms}, {@code 5s} or {@code 0}. */
    Duration duration(String name, Duration fallback) {
        var value = values.get(name);
        if (value == null) {
            return fallback;
        }
        var text = value.strip().toLowerCase(Locale.ROOT);
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofMillis(Long.parseLong(text));
    }

    /** {@code h2} (in memory), {@code h2-file} or {@code postgres}. */
    String database() {
        return text("db", "h2");
    }

    /** A setting given to the server under test as {@code --name=value}, or the fallback. */
    String serverSetting(String name, String fallback) {
        var prefix = "--" + name + "=";
        return serverArguments.stream()
                .filter(argument -> argument.startsWith(prefix))
                .reduce((first, last) -> last)
                .map(argument -> argument.substring(prefix.length()))
                .orElse(fallback);
    }

    List<String> serverArguments() {
        return serverArguments;
    }
}
