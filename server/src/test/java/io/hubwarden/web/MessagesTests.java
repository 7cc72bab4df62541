package io.hubwarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.workspace.PersonSource;
import io.hubwarden.workspace.PersonStatus;
import io.hubwarden.workspace.WorkspaceRole;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word a page shows comes from messages.properties: templates hold no literal text, every key they use
 * exists, and every key is used somewhere (literally, or through a quoted prefix such as {@code 'role.' + role}).
 */
class MessagesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path MESSAGES = Path.of("src/main/resources/messages.properties");

    /** Message expressions with a literal key: #{key} or #{key(arguments)}. */
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)");
    /** Text between a tag and the next one. */
    private static final Pattern TEXT_NODE = Pattern.compile("<([a-zA-Z0-9]+)([^>]*)>([^<]+)<");

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        var literal = new ArrayList<String>();
        for (var template : templates()) {
            var html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            var matcher = TEXT_NODE.matcher(html);
            while (matcher.find()) {
                var attributes = matcher.group(2);
                var text = matcher.group(3).strip();
                var rendered = attributes.contains("th:text") || attributes.contains("th:errors");
                if (!text.isEmpty() && text.chars().anyMatch(Character::isLetter) && !rendered) {
                    literal.add(template.getFileName() + ": " + text);
                }
            }
        }

        assertThat(literal).isEmpty();
    }

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        var keys = keys();
        var missing = new TreeSet<String>();
        for (var template : templates()) {
            var matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!keys.contains(matcher.group(1))) {
                    missing.add(template.getFileName() + ": " + matcher.group(1));
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void everyRoleStatusAndSourceHasALabel() throws IOException {
        var keys = keys();

        assertThat(keys)
                .containsAll(labels("role.", WorkspaceRole.values()))
                .containsAll(labels("status.", PersonStatus.values()))
                .containsAll(labels("source.", PersonSource.values()));
    }

    @Test
    void everyKeyIsUsed() throws IOException {
        var used = new StringBuilder();
        for (var file :
                Stream.concat(templates().stream(), javaSources().stream()).toList()) {
            used.append(Files.readString(file));
        }
        var sources = used.toString();
        var unused = new TreeSet<String>();
        for (var key : keys()) {
            var validationCode = Character.isUpperCase(key.charAt(0)) || key.equals("typeMismatch");
            if (!validationCode && !sources.contains(key) && !builtAtRunTime(key, sources)) {
                unused.add(key);
            }
        }

        assertThat(unused).isEmpty();
    }

    /**
     * Whether a key is built from a quoted prefix and a value, as in {@code 'role.' + person.role} or {@code
     * "notice." + notice}: some prefix of it that ends with a dot appears between quotes.
     */
    private static boolean builtAtRunTime(String key, String sources) {
        for (var dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) {
            var prefix = key.substring(0, dot + 1);
            if (sources.contains("'" + prefix + "'") || sources.contains("\"" + prefix + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keys() throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.stringPropertyNames();
    }

    private static List<String> labels(String prefix, Enum<?>[] constants) {
        return Arrays.stream(constants)
                .map(constant -> prefix + constant.name())
                .toList();
    }

    private static List<Path> templates() throws IOException {
        try (var files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).toList();
        }
    }

    private static List<Path> javaSources() throws IOException {
        try (var files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }
}
