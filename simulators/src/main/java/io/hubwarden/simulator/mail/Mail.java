package io.hubwarden.simulator.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One message as the {@link Mailbox} received it.
 *
 * @param from the envelope sender ({@code MAIL FROM}), or the {@code From} header's address when the envelope had
 *     none
 * @param to the envelope recipients ({@code RCPT TO}) in the order given, so Bcc recipients are included
 * @param subject the decoded {@code Subject} header, empty when absent
 * @param text the decoded {@code text/plain} part; when the message has only HTML, its text with tags removed
 * @param html the decoded {@code text/html} part, or null when the message has none
 * @param receivedAt when the server accepted the message, by the mailbox's clock
 */
public record Mail(
        String from,
        List<String> to,
        String subject,
        String text,
        @Nullable String html,
        Instant receivedAt) {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+", Pattern.CASE_INSENSITIVE);

    /** Copies the recipient list; rejects nulls. */
    public Mail {
        to = List.copyOf(to);
    }

    /** Whether this address is one of the recipients, compared without regard to case. */
    public boolean isTo(String address) {
        String wanted = address.trim().toLowerCase(Locale.ROOT);
        return to.stream()
                .anyMatch(recipient -> recipient.toLowerCase(Locale.ROOT).equals(wanted));
    }

    /**
     * Every distinct http(s) link in the text and the HTML, in order of appearance (text first). HTML entities in
     * links (such as the escaped ampersand) are decoded; a trailing full stop, comma or closing bracket is taken as punctuation.
     */
    public List<URI> links() {
        Set<String> found = new LinkedHashSet<>();
        collect(text, found);
        if (html != null) {
            collect(html, found);
        }
        List<URI> links = new ArrayList<>(found.size());
        for (String link : found) {
            try {
                links.add(new URI(link));
            } catch (URISyntaxException notALink) {
                // A URL-looking fragment that is no valid URI is not a link anyone could click.
            }
        }
        return List.copyOf(links);
    }

    private static void collect(String body, Set<String> found) {
        Matcher matcher = LINK.matcher(body);
        while (matcher.find()) {
            String link = matcher.group()
                    .replace("&amp;", "&")
                    .replace("&#38;", "&")
                    .replace("&#x26;", "&")
                    .replace("&#61;", "=");
            while (!link.isEmpty() && ".,;:!?)]}".indexOf(link.charAt(link.length() - 1)) >= 0) {
                link = link.substring(0, link.length() - 1);
            }
            found.add(link);
        }
    }
}
