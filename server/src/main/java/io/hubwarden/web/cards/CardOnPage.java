package io.hubwarden.web.cards;

import io.hubwarden.access.CardState;
import io.hubwarden.access.MembershipStatus;
import io.hubwarden.access.TenantCard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A tenant card as the cards page shows it: its words looked up and its choices made, so that the template only writes
 * them out. Each expression a template evaluates for each of hundreds of cards (a property read, a method call, a
 * message looked up) cost more than writing the card, and the page cost over ten times the same cards' JSON.
 *
 * @param state the card's state by name, for the page's scripts and styles
 * @param note what the card says about its membership, {@code null} when nothing
 * @param acceptFirst whether the card asks to accept the hub's invitation before connecting
 * @param connectable whether the card offers "Connect your account"
 * @param resendable whether the card offers to send the invitation again
 * @param connected whether the card lists the person's assets (or says there are none)
 * @param consoleUrl the hub's own console for the business, {@code null} when unknown
 */
record CardOnPage(
        String hubId,
        String state,
        String label,
        String businessName,
        String stateText,
        @Nullable String note,
        boolean acceptFirst,
        boolean connectable,
        boolean resendable,
        boolean connected,
        List<AssetOnPage> assets,
        @Nullable String consoleUrl,
        String consoleText) {

    /** An asset of a connected card: its name, and its tasks as one text. */
    record AssetOnPage(String name, String tasks) {

        Map<String, String> fields() {
            return Map.of("name", name, "tasks", tasks);
        }
    }

    /**
     * The card's fields by name, as the template reads them. SpEL reads a map's entry through the one accessor it
     * keeps for the expression, but a record's component by finding its accessors again, checking the member against
     * Thymeleaf's restrictions and calling it reflectively, on every read: with hundreds of cards, that was over a
     * third of the page.
     */
    Map<String, @Nullable Object> fields() {
        var fields = new HashMap<String, @Nullable Object>(32);
        fields.put("hubId", hubId);
        fields.put("state", state);
        fields.put("label", label);
        fields.put("businessName", businessName);
        fields.put("stateText", stateText);
        fields.put("note", note);
        fields.put("acceptFirst", acceptFirst);
        fields.put("connectable", connectable);
        fields.put("resendable", resendable);
        fields.put("connected", connected);
        fields.put("assets", assets.stream().map(AssetOnPage::fields).toList());
        fields.put("consoleUrl", consoleUrl);
        fields.put("consoleText", consoleText);
        return fields;
    }

    static List<CardOnPage> of(List<TenantCard> cards, MessageSource messages, Locale locale) {
        var words = new Words(messages, locale);
        var shown = new ArrayList<CardOnPage>(cards.size());
        for (var card : cards) {
            shown.add(of(card, words));
        }
        return shown;
    }

    private static CardOnPage of(TenantCard card, Words words) {
        var state = card.state();
        var connected = state == CardState.CONNECTED;
        var note = card.note();
        var noteKey = note == null ? null : CardsController.NOTE_KEYS.get(note.code());
        var console = card.consoleUrl();
        List<AssetOnPage> assets = List.of();
        if (connected && !card.assets().isEmpty()) {
            var listed = new ArrayList<AssetOnPage>(card.assets().size());
            for (var asset : card.assets()) {
                listed.add(new AssetOnPage(asset.name(), String.join(", ", asset.tasks())));
            }
            assets = listed;
        }
        return new CardOnPage(
                card.hubId().toString(),
                state.name(),
                card.label(),
                card.businessName(),
                words.of(CardsController.STATE_KEYS.get(state)),
                note == null ? null : noteKey == null ? note.message() : words.of(noteKey),
                card.status() == MembershipStatus.INVITING || card.status() == MembershipStatus.INVITED,
                card.connectable() && !connected,
                card.resendable(),
                connected,
                assets,
                console == null ? null : console.toString(),
                words.of("cards.open-console." + card.kind().name()));
    }

    /** The page's words in the reader's language, each looked up once per page rather than once per card. */
    private static final class Words {

        private final MessageSource messages;
        private final Locale locale;
        private final Map<String, String> looked = new HashMap<>();

        Words(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        String of(@Nullable String key) {
            if (key == null) {
                throw new IllegalStateException("a card's words have no message key");
            }
            return looked.computeIfAbsent(key, code -> messages.getMessage(code, null, locale));
        }
    }
}
