package io.hubwarden.simulator;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The input of a control API request ({@code /__sim/...}), the same for every simulated hub: a JSON object body,
 * else its form or query parameters (so that curl's {@code -d '{...}'}, sent as a form post, also works).
 */
public final class ControlInput {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode json;

    private ControlInput(ObjectNode json) {
        this.json = json;
    }

    /**
     * Reads the request's parameters and, when the body is a JSON object, its fields (which win).
     *
     * @throws JacksonException when the body starts like JSON but is not
     * @throws IllegalArgumentException when the body is JSON but not an object
     */
    public static ControlInput of(IncomingRequest request) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        boolean jsonBody = request.body().strip().startsWith("{");
        request.params().forEach((name, values) -> {
            if (jsonBody && name.strip().startsWith("{")) {
                return;
            }
            if (values.size() == 1) {
                json.put(name, values.get(0));
            } else {
                values.forEach(value -> json.withArray(name).add(value));
            }
        });
        if (jsonBody) {
            JsonNode body = JSON.readTree(request.body());
            if (!body.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            json.setAll((ObjectNode) body);
        }
        return new ControlInput(json);
    }

    /**
     * A value that must be present.
     *
     * @throws IllegalArgumentException when it is missing or blank
     */
    public String required(String name) {
        String value = text(name, "");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** A value as text, or {@code absent} when missing or null. */
    public String text(String name, String absent) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? absent : value.asString();
    }

    /** Whether a value is {@code true} (as JSON or as text). */
    public boolean flag(String name) {
        JsonNode value = json.get(name);
        return value != null && (value.asBoolean() || "true".equals(value.asString()));
    }

    /** A list given as a JSON array, a comma list or a repeated parameter; empty when missing. */
    public List<String> list(String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> items.add(item.asString()));
        } else {
            for (String piece : value.asString().split(",")) {
                if (!piece.isBlank()) {
                    items.add(piece.strip());
                }
            }
        }
        return items;
    }
}
