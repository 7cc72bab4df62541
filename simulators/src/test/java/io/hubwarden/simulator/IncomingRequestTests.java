package io.hubwarden.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncomingRequestTests {

    private static final URI ORIGIN = URI.create("http://127.0.0.1:1");

    @Test
    void queryAndUrlEncodedBodyParametersAreMergedInOrder() throws IOException {
        IncomingRequest request = parse(
                "POST",
                "/v25.0/1/business_users?access_token=t%2B1&fields=id",
                "application/x-www-form-urlencoded; charset=UTF-8",
                "email=ana%40acme.test&role=EMPLOYEE&fields=name");

        assertThat(request.param("access_token")).isEqualTo("t+1");
        assertThat(request.param("email")).isEqualTo("ana@acme.test");
        assertThat(request.params().get("fields")).containsExactly("id", "name");
    }

    @Test
    void multipartFieldsAreReadOnAnyMethod() throws IOException {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\n9001\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"tasks\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "[\"ADVERTISE\",\"ANALYZE\"]\r\n--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nÄrger\r\n--XyZ--\r\n";

        IncomingRequest request =
                parse("DELETE", "/v25.0/act_1/assigned_users", "multipart/form-data; boundary=XyZ", body);

        assertThat(request.param("user")).isEqualTo("9001");
        assertThat(request.param("tasks")).isEqualTo("[\"ADVERTISE\",\"ANALYZE\"]");
        assertThat(request.param("note")).isEqualTo("Ärger");
    }

    @Test
    void otherBodiesAreKeptAsText() throws IOException {
        IncomingRequest request = parse("POST", "/__sim/businesses", "application/json", "{\"name\":\"Acme\"}");

        assertThat(request.body()).isEqualTo("{\"name\":\"Acme\"}");
        assertThat(request.params()).isEmpty();
    }

    @Test
    void bearerTokensComeFromTheAuthorizationHeaderInAnyCase() throws IOException {
        IncomingRequest request = IncomingRequest.parse(
                "get",
                URI.create("/me"),
                Map.of("Authorization", List.of("bearer EAAtoken")),
                new ByteArrayInputStream(new byte[0]),
                ORIGIN);

        assertThat(request.bearerToken()).isEqualTo("EAAtoken");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.header("AUTHORIZATION")).isEqualTo("bearer EAAtoken");
    }

    private static IncomingRequest parse(String method, String uri, String contentType, String body)
            throws IOException {
        return IncomingRequest.parse(
                method,
                URI.create(uri),
                Map.of("Content-Type", List.of(contentType)),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                ORIGIN);
    }
}
