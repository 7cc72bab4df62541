package io.hubwarden.simulator.mail;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The readable content of an RFC 5322 message: decoded subject, sender header, and the first plain-text and HTML parts
 * found in a depth-first walk of (possibly nested) multipart bodies. Attachments are skipped. The raw message is held
 * as a Latin-1 string so that each char is exactly one byte of the wire form.
 */
record MessageContent(
        String subject,
        @Nullable String fromHeader,
        @Nullable String text,
        @Nullable String html) {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern BETWEEN_ENCODED_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");
    private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern HEAD = Pattern.compile("(?is)<(head|style|script)[^>]*>.*?</\\1>");

    static MessageContent parse(String raw) {
        Part message = Part.of(raw);
        Bodies bodies = new Bodies();
        collect(message, bodies, 0);
        String subject = decodeWords(message.header("subject", ""));
        String from = message.header("from", "");
        return new MessageContent(
                subject.strip(), from.isBlank() ? null : address(decodeWords(from)), bodies.text, bodies.html);
    }

    /** The plain text a reader of the HTML would see, for messages without a text part. */
    static String textOf(String html) {
        String withoutHead = HEAD.matcher(html).replaceAll("");
        String text =
                TAG.matcher(withoutHead.replaceAll("(?i)<br\\s*/?>|</p>", "\n")).replaceAll("");
        return text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
                .strip();
    }

    static String address(String header) {
        Matcher matcher = ADDRESS.matcher(header);
        return matcher.find() ? matcher.group(1).strip() : header.strip();
    }

    private static void collect(Part part, Bodies bodies, int depth) {
        String type = part.mediaType();
        if (type.startsWith("multipart/") && depth < 16) {
            String boundary = part.parameter("boundary");
            if (boundary != null) {
                for (String child : part.split(boundary)) {
                    collect(Part.of(child), bodies, depth + 1);
                }
            }
            return;
        }
        if (part.header("content-disposition", "").toLowerCase(Locale.ROOT).startsWith("attachment")) {
            return;
        }
        if (type.equals("text/plain") && bodies.text == null) {
            bodies.text = part.decodedText();
        } else if (type.equals("text/html") && bodies.html == null) {
            bodies.html = part.decodedText();
        }
    }

    /** RFC 2047 encoded words, as Jakarta Mail writes non-ASCII subjects and names. */
    static String decodeWords(String value) {
        String joined = BETWEEN_ENCODED_WORDS.matcher(value).replaceAll("$1$2");
        Matcher matcher = ENCODED_WORD.matcher(joined);
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            Charset charset = charset(matcher.group(1));
            String payload = matcher.group(3);
            byte[] bytes = matcher.group(2).equalsIgnoreCase("B")
                    ? base64(payload)
                    : quotedPrintable(payload.replace('_', ' '));
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(new String(bytes, charset)));
        }
        matcher.appendTail(decoded);
        return decoded.toString();
    }

    static byte[] quotedPrintable(String encoded) {
        byte[] out = new byte[encoded.length()];
        int length = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '=' && i + 1 < encoded.length()) {
                char next = encoded.charAt(i + 1);
                if (next == '\r' && i + 2 < encoded.length() && encoded.charAt(i + 2) == '\n') {
                    i += 2;
                    continue;
                }
                if (next == '\n') {
                    i += 1;
                    continue;
                }
                if (i + 2 < encoded.length()) {
                    int high = Character.digit(next, 16);
                    int low = Character.digit(encoded.charAt(i + 2), 16);
                    if (high >= 0 && low >= 0) {
                        out[length++] = (byte) (high * 16 + low);
                        i += 2;
                        continue;
                    }
                }
            }
            out[length++] = (byte) c;
        }
        return Arrays.copyOf(out, length);
    }

    static byte[] base64(String encoded) {
        return Base64.getMimeDecoder().decode(encoded.replaceAll("[^A-Za-z0-9+/=]", ""));
    }

    static Charset charset(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.US_ASCII;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static final class Bodies {
        @Nullable
        String text;

        @Nullable
        String html;
    }

    /** One entity: its headers (names in lower case, first occurrence wins) and its undecoded body. */
    private record Part(Map<String, String> headers, String body) {

        static Part of(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            int bodyStart = end + 4;
            int lfEnd = raw.indexOf("\n\n");
            if (end < 0 || (lfEnd >= 0 && lfEnd < end)) {
                end = lfEnd;
                bodyStart = lfEnd + 2;
            }
            if (raw.startsWith("\r\n") || raw.startsWith("\n")) {
                return new Part(Map.of(), raw.substring(raw.indexOf('\n') + 1));
            }
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(bodyStart);
            Map<String, String> headers = new LinkedHashMap<>();
            String unfolded = head.replaceAll("\r?\n[ \t]+", " ");
            for (String line : unfolded.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(
                            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            return new Part(headers, body);
        }

        String header(String name, String absent) {
            return headers.getOrDefault(name, absent);
        }

        String mediaType() {
            String contentType = header("content-type", "text/plain");
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                    .strip()
                    .toLowerCase(Locale.ROOT);
        }

        @Nullable
        String parameter(String name) {
            String contentType = header("content-type", "");
            for (String piece : contentType.split(";")) {
                int equals = piece.indexOf('=');
                if (equals > 0 && piece.substring(0, equals).strip().equalsIgnoreCase(name)) {
                    String value = piece.substring(equals + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return value;
                }
            }
            return null;
        }

        String[] split(String boundary) {
            String delimiter = "--" + boundary;
            List<String> parts = new ArrayList<>();
            StringBuilder current = null;
            for (String line : body.split("\r?\n", -1)) {
                if (line.startsWith(delimiter)) {
                    if (current != null) {
                        parts.add(current.toString());
                    }
                    if (line.startsWith(delimiter + "--")) {
                        current = null;
                        break;
                    }
                    current = new StringBuilder();
                } else if (current != null) {
                    current.append(line).append("\r\n");
                }
            }
            if (current != null) {
                parts.add(current.toString());
            }
            return parts.toArray(new String[0]);
        }

        String decodedText() {
            String encoding =
                    header("content-transfer-encoding", "7bit").strip().toLowerCase(Locale.ROOT);
            byte[] bytes;
            if (encoding.equals("base64")) {
                bytes = base64(body);
            } else if (encoding.equals("quoted-printable")) {
                bytes = quotedPrintable(body);
            } else {
                bytes = body.getBytes(StandardCharsets.ISO_8859_1);
            }
            String charsetName = parameter("charset");
            Charset charset = charsetName == null ? StandardCharsets.UTF_8 : charset(charsetName);
            String text = new String(bytes, charset);
            // The line break before a multipart delimiter belongs to the delimiter (RFC 2046 §5.1.1).
            return text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text;
        }
    }
}
