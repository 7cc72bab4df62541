package io.hubwarden.simulator.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A node as Graph can show it: every field it knows (null values are known but absent, as Graph omits them) and the
 * fields shown when the client names none. Values are strings, numbers, booleans, lists of those, nested nodes, or
 * {@link Later} values of these.
 */
record GraphNode(String type, Map<String, @Nullable Object> fields, List<String> defaults) {

    /**
     * The JSON object for this selection (null = defaults). Graph always includes {@code id}.
     *
     * @throws GraphFailure 100 when a selected field does not exist on this node type
     */
    Map<String, Object> render(@Nullable List<Selection> selection) {
        List<Selection> wanted = selection == null ? Selection.of(defaults) : selection;
        Map<String, Object> json = new LinkedHashMap<>();
        for (Selection field : wanted) {
            if (!fields.containsKey(field.name())) {
                throw GraphFailure.nonexistingField(field.name(), type);
            }
            Object value = fields.get(field.name());
            if (value instanceof Later later) {
                value = later.value();
            }
            if (value instanceof GraphNode node) {
                json.put(field.name(), node.render(field.children()));
            } else if (value instanceof List<?> list) {
                List<Object> items = new ArrayList<>();
                for (Object item : list) {
                    items.add(item instanceof GraphNode node ? node.render(field.children()) : item);
                }
                json.put(field.name(), items);
            } else if (value != null) {
                json.put(field.name(), value);
            }
        }
        Object id = fields.get("id");
        if (id != null && !json.containsKey("id")) {
            json.put("id", id);
        }
        return json;
    }

    /**
     * A field's value worked out only when a selection shows it: rendering a page of a large edge built every
     * node's business, times and permitted tasks for fields that the client rarely asks for.
     */
    @FunctionalInterface
    interface Later {
        @Nullable
        Object value();
    }

    static Later later(Later value) {
        return value;
    }

    /** This node with more (or replaced) fields. */
    GraphNode with(String name, @Nullable Object value) {
        Map<String, @Nullable Object> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new GraphNode(type, more, defaults);
    }
}
