package io.hubwarden.simulator.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MailboxTests {

    private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");

    private Mailbox mailbox;

    @BeforeEach
    void startMailbox() {
        mailbox = Mailbox.start(0, 0, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeMailbox() {
        mailbox.close();
    }

    @Nested
    class OverARawSocket {

        @Test
        void conversationFollowsTheSmtpReplyCodesAndUnstuffsDots() throws IOException {
            List<String> replies = converse(
                    "EHLO tester",
                    "MAIL FROM:<noreply@hub.test> SIZE=120",
                    "RCPT TO:<ana@acme.test>",
                    "RCPT TO:<Bo@Acme.test>",
                    "DATA",
                    "From: Hub <noreply@hub.test>\r\nTo: ana@acme.test\r\nSubject: Plain hello\r\n\r\n"
                            + "Line one\r\n..leading dot kept once\r\nVisit https://hub.test/join?token=a1&x=2.\r\n.",
                    "QUIT");

            assertThat(replies)
                    .extracting(reply -> reply.substring(0, 3))
                    .containsExactly("220", "250", "250", "250", "250", "354", "250", "221");
            Mail mail = mailbox.mails().get(0);
            assertThat(mail.from()).isEqualTo("noreply@hub.test");
            assertThat(mail.to()).containsExactly("ana@acme.test", "Bo@Acme.test");
            assertThat(mail.subject()).isEqualTo("Plain hello");
            assertThat(mail.text())
                    .isEqualTo("Line one\r\n.leading dot kept once\r\nVisit https://hub.test/join?token=a1&x=2.");
            assertThat(mail.html()).isNull();
            assertThat(mail.receivedAt()).isEqualTo(NOW);
            assertThat(mail.links()).containsExactly(URI.create("https://hub.test/join?token=a1&x=2"));
        }

        @Test
        void commandsOutOfOrderAreRefusedWithoutLosingTheSession() throws IOException {
            List<String> replies = converse(
                    "MAIL FROM:<a@hub.test>",
                    "HELO tester",
                    "RCPT TO:<ana@acme.test>",
                    "DATA",
                    "MAIL FROM:<a@hub.test>",
                    "RSET",
                    "NOOP",
                    "BOGUS",
                    "QUIT");

            assertThat(replies)
                    .extracting(reply -> reply.substring(0, 3))
                    .containsExactly("220", "503", "250", "503", "503", "250", "250", "250", "502", "221");
            assertThat(mailbox.mails()).isEmpty();
        }

        @Test
        void resetForgetsTheEnvelopeOfTheUnfinishedMessage() throws IOException {
            converse(
                    "HELO tester",
                    "MAIL FROM:<a@hub.test>",
                    "RCPT TO:<first@acme.test>",
                    "RSET",
                    "MAIL FROM:<a@hub.test>",
                    "RCPT TO:<second@acme.test>",
                    "DATA",
                    "Subject: after reset\r\n\r\nbody\r\n.",
                    "QUIT");

            assertThat(mailbox.mails())
                    .singleElement()
                    .satisfies(mail -> assertThat(mail.to()).containsExactly("second@acme.test"));
        }

        @Test
        void aDeferredRecipientIsAnswered450AsOftenAsAskedThenAccepted() throws IOException {
            mailbox.deferRecipient("Busy@Acme.test", 1);
            String[] message = {"HELO tester", "MAIL FROM:<a@hub.test>", "RCPT TO:<busy@acme.test>", "RSET", "QUIT"};

            List<String> first = converse(message);
            List<String> second = converse(message);

            assertThat(first.get(3)).startsWith("450");
            assertThat(second.get(3)).startsWith("250");
            assertThat(mailbox.deferralsOf("BUSY@acme.test")).isEqualTo(1);
            assertThat(mailbox.deferralsOf("other@acme.test")).isZero();
        }

        private List<String> converse(String... commands) throws IOException {
            List<String> replies = new ArrayList<>();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), mailbox.smtpPort())) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = socket.getOutputStream();
                replies.add(readReply(in));
                for (String command : commands) {
                    out.write((command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    replies.add(readReply(in));
                }
            }
            return replies;
        }

        private String readReply(BufferedReader in) throws IOException {
            String line = in.readLine();
            while (line != null && line.length() > 3 && line.charAt(3) == '-') {
                line = in.readLine();
            }
            return String.valueOf(line);
        }
    }

    @Nested
    class FromJakartaMail {

        @Test
        void multipartAlternativeKeepsTextAndHtmlDecoded() throws Exception {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress("noreply@hubwarden.test", "Hubwarden"));
            message.setRecipients(Message.RecipientType.TO, "ana@acme.test");
            message.setRecipients(Message.RecipientType.BCC, "audit@acme.test");
            message.setSubject("Einladung für Ana — join Acme Ads", "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(
                    "Grüße, Ana!\nJoin: https://hub.test/invitation/?token=ab%3D&lang=de\n" + "=".repeat(90), "UTF-8");
            text.setHeader("Content-Transfer-Encoding", "quoted-printable");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(
                    "<html><body><p>Grüße</p><a href=\"https://hub.test/invitation/?token=ab%3D&amp;lang=de\">"
                            + "Accept</a></body></html>",
                    "text/html; charset=UTF-8");
            html.setHeader("Content-Transfer-Encoding", "base64");
            message.setContent(new MimeMultipart("alternative", text, html));

            Transport.send(message);

            Mail mail =
                    mailbox.awaitMailTo("ana@acme.test", Duration.ofSeconds(5)).orElseThrow();
            assertThat(mail.from()).isEqualTo("noreply@hubwarden.test");
            assertThat(mail.to()).containsExactlyInAnyOrder("ana@acme.test", "audit@acme.test");
            assertThat(mail.subject()).isEqualTo("Einladung für Ana — join Acme Ads");
            assertThat(mail.text()).startsWith("Grüße, Ana!").endsWith("=".repeat(90));
            assertThat(mail.html()).contains("<p>Grüße</p>");
            assertThat(mail.links()).containsExactly(URI.create("https://hub.test/invitation/?token=ab%3D&lang=de"));
            assertThat(mailbox.mailsTo("AUDIT@acme.test")).containsExactly(mail);
        }

        @Test
        void htmlOnlyMessageGetsATextVersion() throws Exception {
            MimeMessage message = new MimeMessage(session());
            message.setFrom("noreply@hubwarden.test");
            message.setRecipients(Message.RecipientType.TO, "bo@acme.test");
            message.setSubject("Only HTML");
            message.setContent(
                    "<html><head><style>p{}</style></head><body><p>Hello &amp; welcome</p></body></html>",
                    "text/html; charset=UTF-8");

            Transport.send(message);

            Mail mail =
                    mailbox.awaitMailTo("bo@acme.test", Duration.ofSeconds(5)).orElseThrow();
            assertThat(mail.text()).isEqualTo("Hello & welcome");
            assertThat(mail.html()).contains("<p>Hello &amp; welcome</p>");
        }

        @Test
        void attachmentsAreNotTakenForTheBody() throws Exception {
            MimeMessage message = new MimeMessage(session());
            message.setFrom("noreply@hubwarden.test");
            message.setRecipients(Message.RecipientType.TO, "cy@acme.test");
            message.setSubject("Export");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("See the attached file.", "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setText("not the body", "UTF-8");
            file.setFileName("audit.txt");
            message.setContent(new MimeMultipart("mixed", text, file));

            Transport.send(message);

            assertThat(mailbox.awaitMailTo("cy@acme.test", Duration.ofSeconds(5)))
                    .hasValueSatisfying(mail -> assertThat(mail.text()).isEqualTo("See the attached file."));
        }

        private Session session() {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(mailbox.smtpPort()));
            properties.put("mail.smtp.connectiontimeout", "5000");
            properties.put("mail.smtp.timeout", "5000");
            return Session.getInstance(properties);
        }
    }

    @Nested
    class Waiting {

        @Test
        void awaitingAnAddressThatGetsNoMailGivesUpAfterTheTimeout() {
            assertThat(mailbox.awaitMailTo("nobody@acme.test", Duration.ofMillis(50)))
                    .isEmpty();
        }

        @Test
        void awaitingReturnsAMailThatArrivesWhileWaiting() throws Exception {
            Thread sender = new Thread(() -> sendPlain("late@acme.test", "Late"));

            sender.start();
            var mail = mailbox.awaitMailTo("late@acme.test", Duration.ofSeconds(10));
            sender.join();

            assertThat(mail)
                    .hasValueSatisfying(found -> assertThat(found.subject()).isEqualTo("Late"));
        }

        @Test
        void clearingForgetsEveryMail() {
            sendPlain("ana@acme.test", "One");

            mailbox.clear();

            assertThat(mailbox.mails()).isEmpty();
        }
    }

    @Nested
    class WebPage {

        private final HttpClient http = HttpClient.newHttpClient();

        @Test
        void listsMailsNewestFirstWithClickableLinks() throws Exception {
            sendPlain("ana@acme.test", "First <one>");
            sendPlain("bo@acme.test", "Second");

            HttpResponse<String> page =
                    http.send(HttpRequest.newBuilder(web()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body().indexOf("Second")).isLessThan(page.body().indexOf("First &lt;one&gt;"));
            assertThat(page.body()).contains("<a href=\"https://hub.test/join?id=1\">");
        }

        @Test
        void jsonViewFiltersByRecipient() throws Exception {
            sendPlain("ana@acme.test", "For Ana");
            sendPlain("bo@acme.test", "For Bo");

            HttpResponse<String> json = http.send(
                    HttpRequest.newBuilder(web().resolve("/mails?to=bo%40acme.test"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(json.body()).contains("\"subject\":\"For Bo\"").doesNotContain("For Ana");
            assertThat(json.body()).contains("\"links\":[\"https://hub.test/join?id=1\"]");
        }

        private URI web() {
            return Objects.requireNonNull(mailbox.webUrl());
        }

        @Test
        void mailboxWithoutWebPageHasNoUrl() {
            try (Mailbox quiet = Mailbox.start(0, -1)) {
                assertThat(quiet.webUrl()).isNull();
                assertThat(quiet.smtpPort()).isPositive();
            }
        }
    }

    private void sendPlain(String to, String subject) {
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(mailbox.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom("noreply@hubwarden.test");
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(subject);
            message.setText("Open https://hub.test/join?id=1 to continue.");
            Transport.send(message);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
