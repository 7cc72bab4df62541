package io.hubwarden.simulator.meta;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a Graph {@code fields} parameter, e.g. {@code business{id,name}}: a field name and, for object fields,
 * the fields wanted inside it (null when none were named, so the object's default fields apply). Modifiers such as
 * {@code .limit(5)} are accepted and ignored.
 */
record Selection(String name, @Nullable List<Selection> children) {

    /** Parses a {@code fields} value; null for a missing or blank one. */
    static @Nullable List<Selection> parse(@Nullable String fields) {
        if (fields == null || fields.isBlank()) {
            return null;
        }
        int[] position = {0};
        List<Selection> parsed = list(fields, position);
        if (position[0] < fields.length()) {
            throw GraphFailure.invalidParameter(
                    "Syntax error in fields: unexpected '" + fields.charAt(position[0]) + "'");
        }
        return parsed;
    }

    static List<Selection> of(List<String> names) {
        return names.stream().map(name -> new Selection(name, null)).toList();
    }

    private static List<Selection> list(String text, int[] position) {
        List<Selection> selections = new ArrayList<>();
        while (position[0] < text.length()) {
            char c = text.charAt(position[0]);
            if (c == ',' || Character.isWhitespace(c)) {
                position[0]++;
                continue;
            }
            if (c == '}') {
                break;
            }
            int start = position[0];
            while (position[0] < text.length() && ",{}.".indexOf(text.charAt(position[0])) < 0) {
                position[0]++;
            }
            String name = text.substring(start, position[0]).strip();
            skipModifiers(text, position);
            List<Selection> children = null;
            if (position[0] < text.length() && text.charAt(position[0]) == '{') {
                position[0]++;
                children = list(text, position);
                if (position[0] >= text.length() || text.charAt(position[0]) != '}') {
                    throw GraphFailure.invalidParameter("Syntax error in fields: missing '}'");
                }
                position[0]++;
                skipModifiers(text, position);
            }
            if (!name.isEmpty()) {
                selections.add(new Selection(name, children));
            }
        }
        return selections;
    }

    private static void skipModifiers(String text, int[] position) {
        while (position[0] < text.length() && text.charAt(position[0]) == '.') {
            int open = text.indexOf('(', position[0]);
            int close = text.indexOf(')', position[0]);
            if (open < 0 || close < open) {
                throw GraphFailure.invalidParameter("Syntax error in fields: bad modifier");
            }
            position[0] = close + 1;
        }
    }
}
