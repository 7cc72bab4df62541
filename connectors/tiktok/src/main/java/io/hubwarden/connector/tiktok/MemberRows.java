package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.InvitationId;
import io.hubwarden.connector.InvitationStatus;
import io.hubwarden.connector.PageRequest;
import io.hubwarden.connector.ServiceCredential;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The rows of these addresses from one read of the whole list, when that takes no more calls than searching for
     * each address with {@link #withEmail} (a call each) and the list held still while it was read; otherwise empty,
     * and each address is better searched for on its own.
     *
     * <p>The whole list is the cheaper for a small Business Center or many addresses: up to 50 rows are one call
     * whatever the number of addresses. A Business Center may hold 4,000 members, 80 pages, where 50 addresses take
     * 50 searches; the first page says how many pages follow, so finding out costs at most that one call. Pages are
     * numbered, not cursors: a row added or removed while the list is read shifts the pages after it and can hide a
     * row between two of them, so a read whose total changed from one page to the next is not trusted. (A row added
     * and another removed go unseen, as any change between looking an address up and inviting it does.)
     */
    Optional<Map<EmailAddress, List<ApiWire.MemberRow>>> withEmails(
            ServiceCredential credential, Set<EmailAddress> emails) {
        if (emails.size() < 2) {
            return Optional.empty();
        }
        PageRequest request = PageRequest.first(MAX_PAGE_SIZE);
        ApiWire.Listing<ApiWire.MemberRow> listing = page(credential, request, Map.of());
        if (pages(listing) - 1 > emails.size()) {
            return Optional.empty();
        }
        Integer total = total(listing);
        Map<EmailAddress, List<ApiWire.MemberRow>> found = new HashMap<>();
        while (true) {
            for (ApiWire.MemberRow row : listing.items()) {
                EmailAddress email = ApiWire.email(row.userEmail());
                if (email != null && emails.contains(email)) {
                    found.computeIfAbsent(email, any -> new ArrayList<>()).add(row);
                }
            }
            String next = next(listing, request);
            if (next == null) {
                return Optional.of(found);
            }
            request = request.next(next);
            listing = page(credential, request, Map.of());
            if (!Objects.equals(total(listing), total)) {
                return Optional.empty();
            }
        }
    }

    private static int pages(ApiWire.Listing<?> listing) {
        ApiWire.PageInfo info = listing.pageInfo();
        return info == null || info.totalPage() == null ? 1 : info.totalPage();
    }

    private static @Nullable Integer total(ApiWire.Listing<?> listing) {
        ApiWire.PageInfo info = listing.pageInfo();
        return info == null ? null : info.totalNumber();
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
