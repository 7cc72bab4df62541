package io.hubwarden.web.cards;

import io.hubwarden.access.CardAsset;
import io.hubwarden.access.TenantCard;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A tenant card as JSON: ids as text, the state, status and kinds by name, {@code since} as an ISO-8601 instant, and
 * every field present, {@code null} when empty:
 *
 * <pre>{@code
 * {"hubId", "membershipId", "kind", "label", "businessId", "businessName", "state", "status", "noteCode", "note",
 *  "consoleUrl", "assets": [{"kind", "id", "name", "tasks": [...]}], "since"}
 * }</pre>
 *
 * Written field by field from the card rather than through a bean of its own: for a person with hundreds of hubs,
 * copying each card into such a bean and having Jackson find and call its accessors cost a third of the request.
 */
@JsonSerialize(using = CardJson.Writer.class)
record CardJson(TenantCard card) {

    static CardJson of(TenantCard card) {
        return new CardJson(card);
    }

    static final class Writer extends ValueSerializer<CardJson> {

        private static final SerializableString HUB_ID = new SerializedString("hubId");
        private static final SerializableString MEMBERSHIP_ID = new SerializedString("membershipId");
        private static final SerializableString KIND = new SerializedString("kind");
        private static final SerializableString LABEL = new SerializedString("label");
        private static final SerializableString BUSINESS_ID = new SerializedString("businessId");
        private static final SerializableString BUSINESS_NAME = new SerializedString("businessName");
        private static final SerializableString STATE = new SerializedString("state");
        private static final SerializableString STATUS = new SerializedString("status");
        private static final SerializableString NOTE_CODE = new SerializedString("noteCode");
        private static final SerializableString NOTE = new SerializedString("note");
        private static final SerializableString CONSOLE_URL = new SerializedString("consoleUrl");
        private static final SerializableString ASSETS = new SerializedString("assets");
        private static final SerializableString SINCE = new SerializedString("since");
        private static final SerializableString ID = new SerializedString("id");
        private static final SerializableString NAME = new SerializedString("name");
        private static final SerializableString TASKS = new SerializedString("tasks");

        @Override
        public void serialize(CardJson json, JsonGenerator out, SerializationContext context) {
            var card = json.card();
            var note = card.note();
            var console = card.consoleUrl();
            out.writeStartObject();
            out.writeName(HUB_ID);
            out.writeString(card.hubId().toString());
            out.writeName(MEMBERSHIP_ID);
            out.writeString(card.membershipId().toString());
            out.writeName(KIND);
            out.writeString(card.kind().name());
            out.writeName(LABEL);
            out.writeString(card.label());
            out.writeName(BUSINESS_ID);
            out.writeString(card.businessId());
            out.writeName(BUSINESS_NAME);
            out.writeString(card.businessName());
            out.writeName(STATE);
            out.writeString(card.state().name());
            out.writeName(STATUS);
            out.writeString(card.status().name());
            out.writeName(NOTE_CODE);
            out.writeString(note == null ? null : note.code());
            out.writeName(NOTE);
            out.writeString(note == null ? null : note.message());
            out.writeName(CONSOLE_URL);
            out.writeString(console == null ? null : console.toString());
            out.writeName(ASSETS);
            out.writeStartArray();
            for (var asset : card.assets()) {
                write(asset, out);
            }
            out.writeEndArray();
            out.writeName(SINCE);
            out.writeString(card.since().toString());
            out.writeEndObject();
        }

        private static void write(CardAsset asset, JsonGenerator out) {
            out.writeStartObject();
            out.writeName(KIND);
            out.writeString(asset.kind().name());
            out.writeName(ID);
            out.writeString(asset.id());
            out.writeName(NAME);
            out.writeString(asset.name());
            out.writeName(TASKS);
            out.writeStartArray();
            for (var task : asset.tasks()) {
                out.writeString(task);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }
}
