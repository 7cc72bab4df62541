package io.hubwarden.web.cards;

import io.hubwarden.access.AccessShares;
import io.hubwarden.access.CardState;
import io.hubwarden.access.HubNotShared;
import io.hubwarden.access.MembershipNote;
import io.hubwarden.access.MembershipTransitionRefused;
import io.hubwarden.access.MembershipUnknown;
import io.hubwarden.access.ProfileConnection;
import io.hubwarden.access.ProfileConnections;
import io.hubwarden.access.SharingDenied;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.hub.HubId;
import io.hubwarden.platform.Tokens;
import io.hubwarden.workspace.SignedInPerson;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The signed-in person's tenant cards, and connecting their own hub profile. */
@Controller
class CardsController {

    /** How long a profile sign-in may take before its {@code state} is refused. */
    static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(10);

    /** The words of each card state and known note, and of each outcome of connecting a profile. */
    static final Map<CardState, String> STATE_KEYS = Map.of(
            CardState.CONNECT_YOUR_ACCOUNT, "cards.state.CONNECT_YOUR_ACCOUNT",
            CardState.CONNECTED, "cards.state.CONNECTED",
            CardState.INVITATION_EXPIRED, "cards.state.INVITATION_EXPIRED",
            CardState.ACTION_NEEDED, "cards.state.ACTION_NEEDED",
            CardState.ACCESS_REMOVED, "cards.state.ACCESS_REMOVED",
            CardState.SHOWN_IN_HUBWARDEN, "cards.state.SHOWN_IN_HUBWARDEN");

    static final Map<String, String> NOTE_KEYS = Map.of(
            MembershipNote.HUB_BUSY, "cards.note.HUB_BUSY",
            MembershipNote.PROFILE_PENDING, "cards.note.PROFILE_PENDING",
            MembershipNote.PROFILE_NOT_MEMBER, "cards.note.PROFILE_NOT_MEMBER");

    static final Map<ProfileConnection, String> OUTCOME_KEYS = Map.of(
            ProfileConnection.CONNECTED, "cards.connect.CONNECTED",
            ProfileConnection.INVITATION_NOT_ACCEPTED, "cards.connect.INVITATION_NOT_ACCEPTED",
            ProfileConnection.NOT_A_MEMBER, "cards.connect.NOT_A_MEMBER");

    /** Names the shape of {@link CardJson}: a new shape makes every tag given out before stale. */
    private static final String JSON_SHAPE = "cards-json-1";

    private static final String REVALIDATED_PRIVATELY = "no-cache, private";

    private static final String GZIP = "gzip";

    private final AccessShares access;
    private final ProfileConnections profiles;
    private final Tokens tokens;
    private final Clock clock;
    private final MessageSource messages;
    private final KeptCards kept;
    private final JsonMapper mapper;

    CardsController(
            AccessShares access,
            ProfileConnections profiles,
            Tokens tokens,
            Clock clock,
            MessageSource messages,
            KeptCards kept,
            JsonMapper mapper) {
        this.access = access;
        this.profiles = profiles;
        this.tokens = tokens;
        this.clock = clock;
        this.messages = messages;
        this.kept = kept;
        this.mapper = mapper;
    }

    @GetMapping("/cards")
    String cards(@AuthenticationPrincipal SignedInPerson me, Locale locale, Model model) {
        var cards = CardOnPage.of(access.cardsOf(me.workspaceId(), me.personId()), messages, locale);
        model.addAttribute("cards", cards.stream().map(CardOnPage::fields).toList());
        return "cards/cards";
    }

    /**
     * The cards as JSON, gzip-compressed when the client accepts it (as every browser does) and the body is kept:
     * compressed once when kept ({@link KeptCards}), not on every request. A weak tag stands for either form.
     */
    @GetMapping(
            path = {"/cards", "/api/me/cards"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    byte @Nullable [] cardsAsJson(
            @AuthenticationPrincipal SignedInPerson me, WebRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATED_PRIVATELY);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        var tag = tag(me, null, access.cardsVersion(me.workspaceId(), me.personId()));
        if (request.checkNotModified(tag)) {
            return null;
        }
        var body = kept.body(me.workspaceId(), me.personId(), tag);
        if (body == null) {
            // Read with their own version, which is newer than the one above if a card changed in between: the
            // body is kept and sent under the tag it was made from.
            var asOf = access.cardsAsOf(me.workspaceId(), me.personId());
            var madeTag = tag(me, null, asOf.version());
            var json = mapper.writeValueAsBytes(
                    asOf.cards().stream().map(CardJson::of).toList());
            response.setHeader(HttpHeaders.ETAG, madeTag);
            body = kept.keep(me.workspaceId(), me.personId(), madeTag, json);
            if (body == null) {
                return json;
            }
        }
        if (acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, GZIP);
            return body.gzip();
        }
        return body.json();
    }

    /** Whether {@code Accept-Encoding} names gzip with a weight above zero (RFC 9110, section 12.5.3). */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (var coding : acceptEncoding.split(",", -1)) {
            var parts = coding.split(";", -1);
            if (!parts[0].trim().equalsIgnoreCase(GZIP)) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                var parameter = parts[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=") && parameter.substring(2).trim().matches("0(\\.0{0,3})?")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    @GetMapping(path = "/api/me/cards/{hubId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Nullable
    CardJson cardAsJson(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            WebRequest request,
            HttpServletResponse response) {
        var hub = hub(hubId);
        response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATED_PRIVATELY);
        if (request.checkNotModified(tag(me, hub, access.cardsVersion(me.workspaceId(), me.personId())))) {
            return null;
        }
        return access.card(me.workspaceId(), me.personId(), hub)
                .map(CardJson::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/cards/{hubId}/connect")
    String connect(
            @AuthenticationPrincipal SignedInPerson me, @PathVariable("hubId") String hubId, HttpSession session) {
        var hub = hub(hubId);
        var state = tokens.issue().value();
        var url = profiles.authorizeUrl(me, hub, state);
        session.setAttribute(
                ProfileSignIn.SESSION_KEY,
                new ProfileSignIn(state, hub, clock.instant().plus(SIGN_IN_WINDOW)));
        return "redirect:" + url;
    }

    @GetMapping(ProfileConnections.CALLBACK_PATH)
    String connected(
            @AuthenticationPrincipal SignedInPerson me,
            @RequestParam(name = "state", required = false) @Nullable String state,
            @RequestParam(name = "code", required = false) @Nullable String code,
            @RequestParam(name = "error", required = false) @Nullable String error,
            HttpSession session,
            RedirectAttributes redirect) {
        var pending = session.getAttribute(ProfileSignIn.SESSION_KEY);
        session.removeAttribute(ProfileSignIn.SESSION_KEY);
        if (!(pending instanceof ProfileSignIn signIn)
                || state == null
                || !sameText(signIn.state(), state)
                || clock.instant().isAfter(signIn.expiresAt())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The sign-in is unknown, used or expired");
        }
        if (error != null || code == null) {
            redirect.addFlashAttribute("cardNotice", "cards.connect.denied");
            return "redirect:/cards";
        }
        ProfileConnection outcome;
        try {
            outcome = profiles.connect(me, signIn.hubId(), code);
        } catch (HubFailure failure) {
            redirect.addFlashAttribute("cardNotice", "cards.connect.failed");
            return "redirect:/cards";
        }
        redirect.addFlashAttribute("cardNotice", OUTCOME_KEYS.get(outcome));
        return "redirect:/cards";
    }

    @PostMapping("/cards/{hubId}/resend")
    String resend(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            RedirectAttributes redirect) {
        access.resend(me, hub(hubId), me.personId());
        redirect.addFlashAttribute("cardNotice", "cards.resent");
        return "redirect:/cards";
    }

    @ExceptionHandler({HubNotShared.class, MembershipUnknown.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notShared(Model model) {
        model.addAttribute("status", HttpStatus.NOT_FOUND.value());
        model.addAttribute("known", true);
        return "error";
    }

    @ExceptionHandler(SharingDenied.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied(Model model) {
        model.addAttribute("status", HttpStatus.FORBIDDEN.value());
        model.addAttribute("known", true);
        return "error";
    }

    @ExceptionHandler(MembershipTransitionRefused.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(Model model) {
        model.addAttribute("status", HttpStatus.CONFLICT.value());
        model.addAttribute("known", true);
        return "error";
    }

    /**
     * A weak ETag of the cards' JSON (all of them, or the card of {@code hub}): a digest of the cards' version, the
     * person, their workspace, the hub and the JSON's shape, so that a tag made for one person never matches another's
     * cards. The cards are sent private and to be revalidated on every use: shared caches keep no copy, and a client
     * uses its copy only after a 304, which {@link WebRequest#checkNotModified} answers to a matching {@code
     * If-None-Match} before anything is built.
     */
    private static String tag(SignedInPerson me, @Nullable HubId hub, String version) {
        var tagged = JSON_SHAPE
                + '\n'
                + me.workspaceId()
                + '\n'
                + me.personId()
                + '\n'
                + (hub == null ? "" : hub)
                + '\n'
                + version;
        return "W/\"" + digest(tagged) + '"';
    }

    private static String digest(String text) {
        try {
            var sha256 = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static HubId hub(String text) {
        try {
            return HubId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Not a hub id", e);
        }
    }

    private static boolean sameText(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
