package io.hubwarden.connector.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

/** Pages read field by field come out as the object mapper reads them, and what it refuses is no page. */
class GraphPagesTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"data\":[{\"id\":\"1\",\"name\":\"Ana\",\"email\":\"ana@acme.test\",\"role\":\"ADMIN\","
                        + "\"tasks\":[\"ADMIN\",\"MANAGE\"],\"business\":{\"id\":\"9\",\"name\":\"Acme\"}}],"
                        + "\"paging\":{\"cursors\":{\"before\":\"QQ\",\"after\":\"Qg\"},"
                        + "\"next\":\"http://127.0.0.1/v21.0/9/business_users?after=Qg\"}}",
                "{\"data\":[{\"id\":\"1\"},{\"id\":2,\"name\":null,\"tasks\":null,\"business\":null,\"extra\":{\"a\":[1]}}]}",
                "{\"paging\":{\"cursors\":{\"after\":\"Qg\"},\"previous\":\"p\"},\"data\":[],\"summary\":{\"total_count\":3}}",
                "{\"data\":null,\"paging\":null,\"error\":null}",
                "{\"data\":[{\"id\":\"1\",\"role\":true,\"tasks\":[]}],\"paging\":{\"cursors\":null,\"next\":null}}",
                "{}"
            })
    void aPageOfBusinessUsersReadsAsTheMapperReadsIt(String body) {
        assertThat(GraphPages.read(body, reader(GraphWire.BusinessUser.class)))
                .isEqualTo(mapped(body, GraphWire.BusinessUser.class));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"data\":[{\"id\":\"7\",\"name\":\"Ana\",\"tasks\":[\"ANALYZE\"]},{\"id\":\"8\",\"tasks\":[\"ADVERTISE\","
                        + "\"ANALYZE\"]}],\"paging\":{\"cursors\":{\"before\":\"a\",\"after\":\"b\"},\"next\":\"n\"}}",
                "{\"data\":[]}"
            })
    void aPageOfHoldersReadsAsTheMapperReadsIt(String body) {
        assertThat(GraphPages.read(body, reader(GraphWire.AssignedUser.class)))
                .isEqualTo(mapped(body, GraphWire.AssignedUser.class));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"error\":{\"message\":\"Unsupported get request.\",\"code\":100}}",
                "{\"data\":[{\"name\":\"no id\"}]}",
                "{\"data\":[{\"id\":{\"not\":\"text\"}}]}",
                "{\"data\":{\"id\":\"1\"}}",
                "{\"data\":[{\"id\":\"1\",\"tasks\":\"ADMIN\"}]}",
                "{\"data\":[{\"id\":\"1\"}",
                "[]",
                "not json"
            })
    void anErrorOrAnAnswerTheMapperRefusesIsNoPage(String body) {
        assertThat(GraphPages.read(body, reader(GraphWire.BusinessUser.class))).isNull();
    }

    private static <T> GraphPages.ItemReader<T> reader(Class<T> item) {
        var reader = GraphPages.reader(item);
        assertThat(reader).as("a streaming reader of " + item.getSimpleName()).isNotNull();
        return Objects.requireNonNull(reader);
    }

    private static <T> GraphWire.Listing<T> mapped(String body, Class<T> item) {
        JavaType type = GraphWire.JSON.getTypeFactory().constructParametricType(GraphWire.PageAnswer.class, item);
        try {
            GraphWire.PageAnswer<T> answer = GraphWire.JSON.readValue(body, type);
            return new GraphWire.Listing<>(answer.data(), answer.paging());
        } catch (JacksonException refused) {
            throw new AssertionError("the mapper refused a page the test calls valid", refused);
        }
    }
}
