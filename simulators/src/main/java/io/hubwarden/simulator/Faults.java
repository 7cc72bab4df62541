package io.hubwarden.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Faults injected per route, each for a number of calls. The first rule (in order of injection) that matches a
 * request is used up by it. Thread-safe.
 */
public final class Faults {

    private final List<Rule> rules = new ArrayList<>();

    /**
     * Makes the next {@code times} requests matching {@code method} and {@code pathPattern} suffer {@code fault}.
     *
     * @param method an HTTP method, or {@code *} for any
     * @param pathPattern see {@link FaultRule#pathPattern()}
     * @throws IllegalArgumentException when {@code times} is not positive or the pattern does not start with a slash
     */
    public synchronized void inject(String method, String pathPattern, Fault fault, int times) {
        if (times < 1 || !pathPattern.startsWith("/")) {
            throw new IllegalArgumentException("a fault needs a positive count and a path pattern starting with /");
        }
        rules.add(new Rule(method.toUpperCase(Locale.ROOT), pathPattern, compile(pathPattern), fault, times));
    }

    /** The fault this request suffers, if any; using it up counts one of its calls. */
    public synchronized Optional<Fault> take(String method, String path) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Iterator<Rule> iterator = rules.iterator();
        while (iterator.hasNext()) {
            Rule rule = iterator.next();
            if ((rule.method.equals("*") || rule.method.equalsIgnoreCase(method))
                    && rule.path.matcher(normalized).matches()) {
                rule.remaining--;
                if (rule.remaining == 0) {
                    iterator.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    /** The rules still waiting, in order of injection. */
    public synchronized List<FaultRule> pending() {
        return rules.stream()
                .map(rule -> new FaultRule(rule.method, rule.pattern, rule.fault, rule.remaining))
                .toList();
    }

    /** Forgets every waiting fault. */
    public synchronized void clear() {
        rules.clear();
    }

    private static Pattern compile(String glob) {
        String trimmed = glob.length() > 1 && glob.endsWith("/") ? glob.substring(0, glob.length() - 1) : glob;
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < trimmed.length()) {
            if (trimmed.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (trimmed.charAt(i) == '*') {
                regex.append("[^/]+");
                i++;
            } else {
                int next = i;
                while (next < trimmed.length() && trimmed.charAt(next) != '*') {
                    next++;
                }
                regex.append(Pattern.quote(trimmed.substring(i, next)));
                i = next;
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static final class Rule {
        final String method;
        final String pattern;
        final Pattern path;
        final Fault fault;
        int remaining;

        Rule(String method, String pattern, Pattern path, Fault fault, int remaining) {
            this.method = method;
            this.pattern = pattern;
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
