package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.InvitationId;
import io.hubwarden.connector.InvitationStatus;
import io.hubwarden.connector.PageRequest;
import io.hubwarden.connector.ServiceCredential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Business Center's member list, {@code bc/member/get}, which holds members ({@code BOUND}) and invitations
 * ({@code PENDING}, {@code REJECTED}, {@code UNBOUND}) alike. An invitation has no id of its own at TikTok, so it is
 * keyed by its address: {@link #invitationId} is the normalised address.
 */
final class MemberRows {

    /** The largest page the connector asks {@code bc/member/get} for (TikTok states no cap; its neighbours have 50). */
    static final int MAX_PAGE_SIZE = 50;

    /** A person has one row per Business Center; this only stops a keyword search that never ends. */
    private static final int MAX_PAGES = 20;

    static final String BOUND = "BOUND";

    private final BusinessApi api;
    private final String bcId;

    MemberRows(BusinessApi api, String bcId) {
        this.api = api;
        this.bcId = bcId;
    }

    /** One page of rows, optionally filtered, page numbers as cursors. */
    ApiWire.Listing<ApiWire.MemberRow> page(
            ServiceCredential credential, PageRequest request, Map<String, String> filtering) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("bc_id", bcId);
        query.put("page", Integer.toString(pageNumber(request)));
        query.put("page_size", Integer.toString(Math.min(request.size(), MAX_PAGE_SIZE)));
        if (!filtering.isEmpty()) {
            query.put("filtering", ApiWire.JSON.writeValueAsString(filtering));
        }
        return api.list("bc/member/get", query, credential.token(), ApiWire.MemberRow.class);
    }

    /** The cursor after a page, or null at the end. */
    static @Nullable String next(ApiWire.Listing<?> listing, PageRequest request) {
        int page = pageNumber(request);
        return listing.hasNext(page) ? Integer.toString(page + 1) : null;
    }

    /** Every row whose address is exactly this one (TikTok's keyword search also matches parts of names). */
    List<ApiWire.MemberRow> withEmail(ServiceCredential credential, EmailAddress email) {
        List<ApiWire.MemberRow> rows = new ArrayList<>();
        PageRequest request = PageRequest.first(MAX_PAGE_SIZE);
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            ApiWire.Listing<ApiWire.MemberRow> listing = page(credential, request, Map.of("keyword", email.value()));
            for (ApiWire.MemberRow row : listing.items()) {
                if (email.equals(ApiWire.email(row.userEmail()))) {
                    rows.add(row);
                }
            }
            String next = next(listing, request);
            if (next == null) {
                break;
            }
            request = request.next(next);
        }
        return rows;
    }

    static boolean bound(ApiWire.MemberRow row) {
        return BOUND.equals(row.relationStatus());
    }

    /** An invitation row's status: declined rows read REJECTED, lapsed ones UNBOUND. */
    static InvitationStatus invitationStatus(ApiWire.MemberRow row) {
        if ("REJECTED".equals(row.relationStatus())) {
            return InvitationStatus.DECLINED;
        }
        if ("UNBOUND".equals(row.relationStatus())) {
            return InvitationStatus.EXPIRED;
        }
        return InvitationStatus.PENDING;
    }

    static InvitationId invitationId(EmailAddress email) {
        return new InvitationId(email.value());
    }

    /**
     * The page number a cursor names; the first page is 1.
     *
     * @throws IllegalArgumentException if the cursor is not one this connector produced
     */
    static int pageNumber(PageRequest request) {
        String cursor = request.cursor();
        if (cursor == null) {
            return 1;
        }
        try {
            int page = Integer.parseInt(cursor);
            if (page < 1) {
                throw new IllegalArgumentException("not a TikTok page cursor");
            }
            return page;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("not a TikTok page cursor", notANumber);
        }
    }
}
