package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.IncomingRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Graph's cursor paging: {@code limit} (default 25, at most 100, or the forced page size), {@code after} and
 * {@code before} cursors that are opaque base64 strings, and absolute {@code paging.next}/{@code previous} URLs on the
 * simulator's own origin that repeat every parameter of the request, {@code access_token} included, so that a client
 * can follow them verbatim. The last page has no {@code next}; an empty edge has no {@code paging} at all.
 */
final class Paging {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;
    private static final Set<String> NOT_REPEATED =
            Set.of("after", "before", "appsecret_proof", "limit", "access_token");

    private Paging() {}

    /**
     * One page of {@code items}, with {@code summary.total_count} when the request asks for it.
     *
     * @param token the token the request was made with, repeated in the links
     * @param forcedSize a page size imposed by the control API, or 0
     */
    static <T> Map<String, Object> page(
            List<T> items,
            Function<T, String> idOf,
            Function<T, Map<String, Object>> render,
            IncomingRequest request,
            String token,
            int forcedSize) {
        int limit = limit(request, forcedSize);
        int start = 0;
        int end;
        String after = request.param("after");
        String before = request.param("before");
        if (after != null && !after.isEmpty()) {
            start = position(after, items, idOf) + 1;
            end = Math.min(items.size(), start + limit);
        } else if (before != null && !before.isEmpty()) {
            end = Math.max(0, Math.min(items.size(), position(before, items, idOf)));
            start = Math.max(0, end - limit);
        } else {
            end = Math.min(items.size(), limit);
        }
        start = Math.min(start, items.size());
        end = Math.max(start, end);
        List<Map<String, Object>> data = new ArrayList<>(end - start);
        for (T item : items.subList(start, end)) {
            data.add(render.apply(item));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("data", data);
        if (start < end) {
            String first = cursor(idOf.apply(items.get(start)), start);
            String last = cursor(idOf.apply(items.get(end - 1)), end - 1);
            Map<String, Object> paging = new LinkedHashMap<>();
            paging.put("cursors", Map.of("before", first, "after", last));
            if (start > 0) {
                paging.put("previous", link(request, token, limit, "before", first));
            }
            if (end < items.size()) {
                paging.put("next", link(request, token, limit, "after", last));
            }
            page.put("paging", paging);
        }
        if (wantsTotal(request)) {
            page.put("summary", Map.of("total_count", items.size()));
        }
        return page;
    }

    static boolean wantsTotal(IncomingRequest request) {
        String summary = request.param("summary");
        return summary != null && (summary.contains("total_count") || summary.equals("true") || summary.equals("1"));
    }

    private static int limit(IncomingRequest request, int forcedSize) {
        int limit = DEFAULT_LIMIT;
        String asked = request.param("limit");
        if (asked != null && !asked.isBlank()) {
            try {
                limit = Integer.parseInt(asked.strip());
            } catch (NumberFormatException notANumber) {
                throw GraphFailure.invalidParameter("Param limit must be a positive integer");
            }
            if (limit < 1) {
                limit = DEFAULT_LIMIT;
            }
        }
        limit = Math.min(limit, MAX_LIMIT);
        return forcedSize > 0 ? Math.min(limit, forcedSize) : limit;
    }

    /** Where the cursor's item is now; the remembered position when that item is gone. */
    private static <T> int position(String cursor, List<T> items, Function<T, String> idOf) {
        String decoded;
        try {
            decoded = new String(
                    Base64.getUrlDecoder()
                            .decode(cursor.replace('+', '-').replace('/', '_').replace("=", "")),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw GraphFailure.invalidParameter("Invalid cursor");
        }
        int colon = decoded.lastIndexOf(':');
        if (colon < 0) {
            throw GraphFailure.invalidParameter("Invalid cursor");
        }
        String id = decoded.substring(0, colon);
        int remembered = remembered(decoded.substring(colon + 1));
        if (remembered >= 0
                && remembered < items.size()
                && idOf.apply(items.get(remembered)).equals(id)) {
            // The list did not move before the cursor: no need to look for its item.
            return remembered;
        }
        for (int i = 0; i < items.size(); i++) {
            if (idOf.apply(items.get(i)).equals(id)) {
                return i;
            }
        }
        try {
            return Integer.parseInt(decoded.substring(colon + 1));
        } catch (NumberFormatException broken) {
            throw GraphFailure.invalidParameter("Invalid cursor");
        }
    }

    private static int remembered(String position) {
        try {
            return Integer.parseInt(position);
        } catch (NumberFormatException broken) {
            return -1;
        }
    }

    private static String cursor(String id, int position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((id + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static String link(IncomingRequest request, String token, int limit, String direction, String cursor) {
        StringBuilder url = new StringBuilder(request.origin().toString()).append(request.path());
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("access_token", List.of(token));
        request.params().forEach((name, values) -> {
            if (!NOT_REPEATED.contains(name)) {
                params.put(name, values);
            }
        });
        params.put("limit", List.of(Integer.toString(limit)));
        params.put(direction, List.of(cursor));
        char separator = '?';
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            for (String value : param.getValue()) {
                url.append(separator).append(encode(param.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        return url.toString();
    }

    private static String encode(@Nullable String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
