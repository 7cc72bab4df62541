package io.hubwarden.connector.meta;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads pages of the edges a sync reads by the thousand, business users and who holds an asset, field by field with
 * Jackson's streaming parser: mapping their records through the object mapper's constructor-based path cost more
 * than the rest of reading a page. A page reads as the mapper reads it; anything the mapper would refuse, or an
 * error in place of the page, reads as no page at all, and the caller reads the answer the mapper's way.
 */
final class GraphPages {

    private GraphPages() {}

    /** Reads one item, the parser on its {@code START_OBJECT}, and leaves the parser on its {@code END_OBJECT}. */
    @FunctionalInterface
    interface ItemReader<T> {
        T read(JsonParser parser);
    }

    /** The streaming reader of an item type, or {@code null} for types read the mapper's way. */
    @SuppressWarnings("unchecked") // each reader is of the type it is looked up by
    static <T> @Nullable ItemReader<T> reader(Class<T> item) {
        if (item == GraphWire.BusinessUser.class) {
            return (ItemReader<T>) (ItemReader<GraphWire.BusinessUser>) GraphPages::businessUser;
        }
        if (item == GraphWire.AssignedUser.class) {
            return (ItemReader<T>) (ItemReader<GraphWire.AssignedUser>) GraphPages::assignedUser;
        }
        return null;
    }

    /** The page the answer's text holds, or {@code null} when it holds an error or is not a page. */
    static <T> GraphWire.@Nullable Listing<T> read(String body, ItemReader<T> items) {
        try (JsonParser parser = GraphWire.JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<T> data = null;
            GraphWire.Paging paging = null;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    if (name.equals("data")) {
                        data = null;
                    } else if (name.equals("paging")) {
                        paging = null;
                    }
                    continue;
                }
                switch (name) {
                    case "error":
                        return null;
                    case "data":
                        data = items(parser, items);
                        break;
                    case "paging":
                        paging = paging(parser);
                        break;
                    default:
                        parser.skipChildren();
                }
            }
            return new GraphWire.Listing<>(data, paging);
        } catch (JacksonException | NotAPage notAPage) {
            return null;
        }
    }

    private static <T> List<T> items(JsonParser parser, ItemReader<T> items) {
        expect(parser, JsonToken.START_ARRAY);
        List<T> data = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            expect(parser, JsonToken.START_OBJECT);
            data.add(items.read(parser));
        }
        return data;
    }

    private static GraphWire.Paging paging(JsonParser parser) {
        expect(parser, JsonToken.START_OBJECT);
        GraphWire.Cursors cursors = null;
        String next = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            parser.nextToken();
            if (name.equals("cursors")) {
                cursors = cursors(parser);
            } else if (name.equals("next")) {
                next = text(parser);
            } else {
                parser.skipChildren();
            }
        }
        return new GraphWire.Paging(cursors, next);
    }

    private static GraphWire.@Nullable Cursors cursors(JsonParser parser) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, JsonToken.START_OBJECT);
        String before = null;
        String after = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            parser.nextToken();
            if (name.equals("before")) {
                before = text(parser);
            } else if (name.equals("after")) {
                after = text(parser);
            } else {
                parser.skipChildren();
            }
        }
        return new GraphWire.Cursors(before, after);
    }

    private static GraphWire.BusinessUser businessUser(JsonParser parser) {
        String id = null;
        String name = null;
        String email = null;
        String role = null;
        List<String> tasks = null;
        GraphWire.Business business = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            parser.nextToken();
            switch (field) {
                case "id":
                    id = text(parser);
                    break;
                case "name":
                    name = text(parser);
                    break;
                case "email":
                    email = text(parser);
                    break;
                case "role":
                    role = text(parser);
                    break;
                case "tasks":
                    tasks = texts(parser);
                    break;
                case "business":
                    business = business(parser);
                    break;
                default:
                    parser.skipChildren();
            }
        }
        return new GraphWire.BusinessUser(required(id), name, email, role, tasks, business);
    }

    private static GraphWire.@Nullable Business business(JsonParser parser) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, JsonToken.START_OBJECT);
        String id = null;
        String name = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            parser.nextToken();
            if (field.equals("id")) {
                id = text(parser);
            } else if (field.equals("name")) {
                name = text(parser);
            } else {
                parser.skipChildren();
            }
        }
        return new GraphWire.Business(required(id), name);
    }

    private static GraphWire.AssignedUser assignedUser(JsonParser parser) {
        String id = null;
        String name = null;
        List<String> tasks = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            parser.nextToken();
            switch (field) {
                case "id":
                    id = text(parser);
                    break;
                case "name":
                    name = text(parser);
                    break;
                case "tasks":
                    tasks = texts(parser);
                    break;
                default:
                    parser.skipChildren();
            }
        }
        return new GraphWire.AssignedUser(required(id), name, tasks);
    }

    /** A text field as the mapper reads it into a string: null, or a scalar's text; anything else is refused. */
    private static @Nullable String text(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == null || !token.isScalarValue()) {
            throw new NotAPage();
        }
        return parser.getValueAsString();
    }

    private static @Nullable List<String> texts(JsonParser parser) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, JsonToken.START_ARRAY);
        List<String> texts = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            texts.add(required(text(parser)));
        }
        return texts;
    }

    private static String required(@Nullable String value) {
        if (value == null) {
            throw new NotAPage();
        }
        return value;
    }

    private static void expect(JsonParser parser, JsonToken token) {
        if (parser.currentToken() != token) {
            throw new NotAPage();
        }
    }

    /** The answer is not a page this class reads; the mapper reads it instead. */
    private static final class NotAPage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotAPage() {
            super(null, null, false, false);
        }
    }
}
