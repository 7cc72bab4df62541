package io.hubwarden.simulator.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One SMTP session on an accepted socket: the RFC 5321 subset that mail clients such as Jakarta Mail use (EHLO/HELO,
 * MAIL, RCPT, DATA, RSET, NOOP, QUIT, plus AUTH PLAIN/LOGIN that accepts any credentials, so that clients configured
 * with a user name still deliver). Messages are handed over as raw Latin-1 strings with dot-stuffing removed.
 */
final class SmtpConversation implements Runnable {

    static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
    private static final int MAX_LINE_BYTES = 64 * 1024;

    /** A message as it arrived: envelope and raw content. */
    record Delivery(String reversePath, List<String> recipients, String raw) {}

    private final Socket socket;
    private final Consumer<Delivery> deliveries;
    private final Predicate<String> deferred;
    private @Nullable InputStream in;
    private @Nullable OutputStream out;
    private boolean greeted;
    private @Nullable String reversePath;
    private final List<String> recipients = new ArrayList<>();

    /** @param deferred whether a recipient is to be deferred now, with a {@code 450} */
    SmtpConversation(Socket socket, Consumer<Delivery> deliveries, Predicate<String> deferred) {
        this.socket = socket;
        this.deliveries = deliveries;
        this.deferred = deferred;
    }

    @Override
    public void run() {
        try (Socket open = socket) {
            open.setSoTimeout(120_000);
            in = new BufferedInputStream(open.getInputStream());
            out = open.getOutputStream();
            reply("220 127.0.0.1 ESMTP Hubwarden mailbox");
            String line;
            while ((line = readLine()) != null) {
                if (!handle(line)) {
                    return;
                }
            }
        } catch (IOException connectionGone) {
            // The client went away or timed out; there is nobody left to answer.
        }
    }

    /** Answers one command line; false when the session is over. */
    private boolean handle(String line) throws IOException {
        String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
        String argument = line.length() > 4 ? line.substring(4).strip() : "";
        switch (verb) {
            case "EHLO":
                greeted = true;
                resetTransaction();
                reply("250-127.0.0.1 greets " + (argument.isEmpty() ? "client" : argument));
                reply("250-8BITMIME");
                reply("250-PIPELINING");
                reply("250-AUTH PLAIN LOGIN");
                reply("250 SIZE " + MAX_MESSAGE_BYTES);
                return true;
            case "HELO":
                greeted = true;
                resetTransaction();
                reply("250 127.0.0.1");
                return true;
            case "MAIL":
                mail(argument);
                return true;
            case "RCPT":
                recipient(argument);
                return true;
            case "DATA":
                data();
                return true;
            case "RSET":
                resetTransaction();
                reply("250 2.0.0 Ok");
                return true;
            case "NOOP":
                reply("250 2.0.0 Ok");
                return true;
            case "VRFY":
                reply("252 2.5.2 Cannot verify the user, but will accept the message");
                return true;
            case "AUTH":
                authenticate(argument);
                return true;
            case "QUIT":
                reply("221 2.0.0 Bye");
                return false;
            default:
                reply("502 5.5.2 Command not implemented");
                return true;
        }
    }

    private void mail(String argument) throws IOException {
        if (!greeted) {
            reply("503 5.5.1 Send EHLO or HELO first");
            return;
        }
        if (reversePath != null) {
            reply("503 5.5.1 Nested MAIL command");
            return;
        }
        String path = path(argument, "FROM:");
        if (path == null) {
            reply("501 5.5.4 Syntax: MAIL FROM:<address>");
            return;
        }
        reversePath = path;
        reply("250 2.1.0 Ok");
    }

    private void recipient(String argument) throws IOException {
        if (reversePath == null) {
            reply("503 5.5.1 Need MAIL before RCPT");
            return;
        }
        String path = path(argument, "TO:");
        if (path == null || path.isEmpty()) {
            reply("501 5.5.4 Syntax: RCPT TO:<address>");
            return;
        }
        if (deferred.test(path)) {
            reply("450 4.2.1 Mailbox busy, try again later");
            return;
        }
        recipients.add(path);
        reply("250 2.1.5 Ok");
    }

    private void data() throws IOException {
        String from = reversePath;
        if (from == null || recipients.isEmpty()) {
            reply("503 5.5.1 Need MAIL and RCPT before DATA");
            return;
        }
        reply("354 End data with <CR><LF>.<CR><LF>");
        StringBuilder raw = new StringBuilder();
        boolean tooLarge = false;
        String line;
        while ((line = readLine()) != null) {
            if (line.equals(".")) {
                break;
            }
            String unstuffed = line.startsWith(".") ? line.substring(1) : line;
            if (raw.length() + unstuffed.length() > MAX_MESSAGE_BYTES) {
                tooLarge = true;
            } else {
                raw.append(unstuffed).append("\r\n");
            }
        }
        if (line == null) {
            return;
        }
        if (tooLarge) {
            reply("552 5.3.4 Message too big");
        } else {
            deliveries.accept(new Delivery(from, List.copyOf(recipients), raw.toString()));
            reply("250 2.0.0 Ok: queued");
        }
        resetTransaction();
    }

    private void authenticate(String argument) throws IOException {
        String[] words = argument.split("\\s+");
        String mechanism = words[0].toUpperCase(Locale.ROOT);
        if (mechanism.equals("PLAIN")) {
            if (words.length < 2) {
                reply("334 ");
                readLine();
            }
            reply("235 2.7.0 Authentication successful");
        } else if (mechanism.equals("LOGIN")) {
            if (words.length < 2) {
                reply("334 VXNlcm5hbWU6");
                readLine();
            }
            reply("334 UGFzc3dvcmQ6");
            readLine();
            reply("235 2.7.0 Authentication successful");
        } else {
            reply("504 5.5.4 Unrecognized authentication type");
        }
    }

    /** The address inside {@code FROM:<...>} or {@code TO:<...>}, ignoring ESMTP parameters; null when malformed. */
    private static @Nullable String path(String argument, String keyword) {
        if (!argument.toUpperCase(Locale.ROOT).startsWith(keyword)) {
            return null;
        }
        String rest = argument.substring(keyword.length()).strip();
        if (rest.startsWith("<")) {
            int close = rest.indexOf('>');
            return close < 0 ? null : rest.substring(1, close).strip();
        }
        String[] words = rest.split("\\s+");
        return words.length == 0 ? null : words[0];
    }

    private void resetTransaction() {
        reversePath = null;
        recipients.clear();
    }

    private void reply(String line) throws IOException {
        OutputStream stream = out;
        if (stream == null) {
            throw new IOException("not connected");
        }
        stream.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        stream.flush();
    }

    /** A line without its CRLF (a bare LF is accepted too), as Latin-1; null at end of stream. */
    private @Nullable String readLine() throws IOException {
        InputStream stream = in;
        if (stream == null) {
            return null;
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = stream.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() < MAX_LINE_BYTES) {
                line.write(b);
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
