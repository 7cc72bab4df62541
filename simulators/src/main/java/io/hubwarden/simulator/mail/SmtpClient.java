package io.hubwarden.simulator.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A minimal SMTP client with which the simulated hubs send their own mail (invitations) to a mail server, usually a
 * {@link Mailbox}: plain SMTP without TLS or authentication, one message per connection, text and HTML as
 * {@code multipart/alternative} in base64-encoded UTF-8.
 */
public final class SmtpClient {

    private final String host;
    private final int port;
    private final Duration timeout;

    /** A client for the server at {@code host:port}, giving up on a silent server after {@code timeout}. */
    public SmtpClient(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /**
     * Sends one message.
     *
     * @param from the sender's address, bare ({@code noreply@example.test})
     * @param fromName the sender's display name
     * @param to the recipient's address
     * @param subject the subject, any characters
     * @param text the plain-text body
     * @param html the HTML body, or null for a plain-text message
     * @throws IOException when the server cannot be reached or refuses the message
     */
    public void send(String from, String fromName, String to, String subject, String text, @Nullable String html)
            throws IOException {
        try (Socket socket = new Socket()) {
            int millis = (int) timeout.toMillis();
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, 220);
            command(out, in, "EHLO simulator", 250);
            command(out, in, "MAIL FROM:<" + from + ">", 250);
            command(out, in, "RCPT TO:<" + to + ">", 250);
            command(out, in, "DATA", 354);
            out.write(message(from, fromName, to, subject, text, html).getBytes(StandardCharsets.US_ASCII));
            command(out, in, ".", 250);
            command(out, in, "QUIT", 221);
        }
    }

    private static String message(
            String from, String fromName, String to, String subject, String text, @Nullable String html) {
        StringBuilder message = new StringBuilder();
        message.append("From: ")
                .append(encodeWord(fromName))
                .append(" <")
                .append(from)
                .append(">\r\n");
        message.append("To: <").append(to).append(">\r\n");
        message.append("Subject: ").append(encodeWord(subject)).append("\r\n");
        message.append("Date: ")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        message.append("Message-ID: <").append(UUID.randomUUID()).append("@simulator>\r\n");
        message.append("MIME-Version: 1.0\r\n");
        if (html == null) {
            message.append("Content-Type: text/plain; charset=UTF-8\r\n");
            message.append("Content-Transfer-Encoding: base64\r\n\r\n");
            message.append(base64(text));
        } else {
            String boundary = "=_alt_" + UUID.randomUUID();
            message.append("Content-Type: multipart/alternative; boundary=\"")
                    .append(boundary)
                    .append("\"\r\n\r\n");
            message.append("--").append(boundary).append("\r\n");
            message.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
            message.append(base64(text));
            message.append("--").append(boundary).append("\r\n");
            message.append("Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
            message.append(base64(html));
            message.append("--").append(boundary).append("--\r\n");
        }
        return message.toString();
    }

    private static String encodeWord(String value) {
        boolean ascii = value.chars().allMatch(c -> c >= 32 && c < 127);
        return ascii
                ? value
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** Base64 in lines of 76 characters, so no line of the message can start with a dot. */
    private static String base64(String content) {
        return Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    private static void command(OutputStream out, BufferedReader in, String line, int expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, expected);
    }

    private static void expect(BufferedReader in, int expected) throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        if (line == null || !line.startsWith(Integer.toString(expected))) {
            throw new IOException("the mail server answered " + line + " where " + expected + " was expected");
        }
    }
}
