package io.hubwarden.web.hubs;

import io.hubwarden.connector.HubKind;
import io.hubwarden.connector.SettingProblem;
import io.hubwarden.connector.SettingSpec;
import io.hubwarden.hub.BusinessAlreadyConnected;
import io.hubwarden.hub.ConnectionFailed;
import io.hubwarden.hub.HubConnection;
import io.hubwarden.hub.HubId;
import io.hubwarden.hub.Hubs;
import io.hubwarden.hub.SettingsRejected;
import io.hubwarden.platform.Tokens;
import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.SignedInPerson;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The connect wizard and the service connection's sign-in: a hub kind, a label and the connector's own settings, then
 * either the hub's sign-in (OAuth, with a {@code state} bound to the session and used once) or a pasted token. The
 * settings are checked offline first, then the connection live; nothing is kept when either fails. The same sign-in
 * gives an existing hub a new credential ("Review credentials").
 *
 * <p>A pasted token only travels in the form's body: it is never shown again, logged, or put in an address.
 */
@Controller
class ConnectHubController {

    /** How long the hub's sign-in may take before its {@code state} is refused. */
    static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(10);

    /** Form fields carrying the connector's settings are named {@code setting.<name>}. */
    static final String SETTING_PREFIX = "setting.";

    static final String OAUTH = "oauth";
    static final String TOKEN = "token";

    private final Hubs hubs;
    private final HubAccess hubAccess;
    private final Tokens tokens;
    private final Clock clock;
    private final ConnectSuggestion suggestion;

    ConnectHubController(Hubs hubs, HubAccess hubAccess, Tokens tokens, Clock clock, ConnectSuggestion suggestion) {
        this.hubs = hubs;
        this.hubAccess = hubAccess;
        this.tokens = tokens;
        this.clock = clock;
        this.suggestion = suggestion;
    }

    @GetMapping("/hubs/new")
    String wizard(
            @AuthenticationPrincipal SignedInPerson me,
            @RequestParam(name = "kind", required = false) @Nullable String kindName,
            Model model) {
        requireConnect(me);
        if (model.getAttribute("connection") instanceof HubConnection denied) {
            fill(model, denied, OAUTH, List.of());
            return "hubs/new";
        }
        var kind = kind(kindName);
        var suggested = suggestion.hubs().get(kind);
        var settings = new LinkedHashMap<String, String>();
        if (suggested != null) {
            settings.putAll(suggested.settings());
        }
        for (var spec : hubs.settingsOf(kind)) {
            if (!settings.containsKey(spec.name()) && spec.defaultValue() != null && !spec.secret()) {
                settings.put(spec.name(), Objects.requireNonNull(spec.defaultValue()));
            }
        }
        var label = suggested == null ? "" : Objects.requireNonNullElse(suggested.label(), "");
        fill(model, new HubConnection(kind, label, settings), OAUTH, List.of());
        return "hubs/new";
    }

    @PostMapping("/hubs/new")
    String connect(
            @AuthenticationPrincipal SignedInPerson me,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpSession session,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        requireConnect(me);
        var connection = connection(form);
        var credential = TOKEN.equals(form.getFirst("credential")) ? TOKEN : OAUTH;
        var problems = hubs.validate(connection);
        var token = Objects.requireNonNullElse(form.getFirst("token"), "").strip();
        if (credential.equals(TOKEN) && token.isEmpty()) {
            model.addAttribute("tokenMissing", true);
        }
        if (!problems.isEmpty() || model.containsAttribute("tokenMissing")) {
            return refused(model, response, connection, credential, problems);
        }
        if (credential.equals(OAUTH)) {
            var state = tokens.issue().value();
            try {
                var url = hubs.authorizeUrl(me, connection, state);
                session.setAttribute(
                        HubSignIn.SESSION_KEY,
                        HubSignIn.connecting(state, connection, clock.instant().plus(SIGN_IN_WINDOW)));
                return "redirect:" + url;
            } catch (SettingsRejected rejected) {
                return refused(model, response, connection, credential, rejected.problems());
            }
        }
        try {
            var hub = hubs.connectWithToken(me, connection, token);
            redirect.addFlashAttribute("hubNotice", "hubs.connected");
            return "redirect:/hubs/" + hub.id();
        } catch (SettingsRejected rejected) {
            return refused(model, response, connection, credential, rejected.problems());
        } catch (ConnectionFailed failed) {
            model.addAttribute("failure", CheckFailure.of(failed.check()));
            return refused(model, response, connection, credential, List.of());
        } catch (BusinessAlreadyConnected already) {
            model.addAttribute("alreadyConnected", already.existing());
            return refused(model, response, connection, credential, List.of());
        }
    }

    @PostMapping("/hubs/{hubId}/reconnect")
    String reconnect(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @RequestParam(name = "credential", defaultValue = OAUTH) String credential,
            @RequestParam(name = "token", defaultValue = "") String token,
            HttpSession session,
            RedirectAttributes redirect) {
        var hub = hubAccess.managed(me, hubId);
        if (TOKEN.equals(credential)) {
            if (token.isBlank()) {
                redirect.addFlashAttribute("hubProblem", "hubs.reconnect.no-token");
                return "redirect:/hubs/" + hub.id();
            }
            try {
                hubs.reconnectWithToken(me, hub.id(), token.strip());
                redirect.addFlashAttribute("hubNotice", "hubs.reconnected");
            } catch (ConnectionFailed failed) {
                redirect.addFlashAttribute("failure", CheckFailure.of(failed.check()));
            }
            return "redirect:/hubs/" + hub.id();
        }
        var state = tokens.issue().value();
        var url = hubs.reauthorizeUrl(me, hub.id(), state);
        session.setAttribute(
                HubSignIn.SESSION_KEY,
                HubSignIn.reconnecting(state, hub.id(), clock.instant().plus(SIGN_IN_WINDOW)));
        return "redirect:" + url;
    }

    @GetMapping(Hubs.OAUTH_CALLBACK_PATH)
    String signedIn(
            @AuthenticationPrincipal SignedInPerson me,
            @RequestParam(name = "state", required = false) @Nullable String state,
            @RequestParam(name = "code", required = false) @Nullable String code,
            @RequestParam(name = "error", required = false) @Nullable String error,
            HttpSession session,
            RedirectAttributes redirect) {
        var pending = session.getAttribute(HubSignIn.SESSION_KEY);
        session.removeAttribute(HubSignIn.SESSION_KEY);
        if (!(pending instanceof HubSignIn signIn)
                || state == null
                || !sameText(signIn.state(), state)
                || clock.instant().isAfter(signIn.expiresAt())) {
            throw new SignInRefused();
        }
        var reconnecting = signIn.hubId();
        if (reconnecting != null) {
            return reconnected(me, reconnecting, error == null ? code : null, redirect);
        }
        var connection = Objects.requireNonNull(signIn.connection());
        if (error != null || code == null) {
            redirect.addFlashAttribute("connection", connection);
            redirect.addFlashAttribute("hubProblem", "hubs.connect.denied");
            return "redirect:/hubs/new";
        }
        try {
            var hub = hubs.connectWithCode(me, connection, code);
            redirect.addFlashAttribute("hubNotice", "hubs.connected");
            return "redirect:/hubs/" + hub.id();
        } catch (ConnectionFailed failed) {
            redirect.addFlashAttribute("connection", connection);
            redirect.addFlashAttribute("failure", CheckFailure.of(failed.check()));
            return "redirect:/hubs/new";
        } catch (BusinessAlreadyConnected already) {
            redirect.addFlashAttribute("hubProblem", "hubs.connect.already");
            return "redirect:/hubs/" + already.existing();
        }
    }

    private String reconnected(SignedInPerson me, HubId hubId, @Nullable String code, RedirectAttributes redirect) {
        var hub = hubAccess.managed(me, hubId.toString());
        if (code == null) {
            redirect.addFlashAttribute("hubProblem", "hubs.reconnect.denied");
            return "redirect:/hubs/" + hub.id();
        }
        try {
            hubs.reconnectWithCode(me, hub.id(), code);
            redirect.addFlashAttribute("hubNotice", "hubs.reconnected");
        } catch (ConnectionFailed failed) {
            redirect.addFlashAttribute("failure", CheckFailure.of(failed.check()));
        }
        return "redirect:/hubs/" + hub.id();
    }

    private String refused(
            Model model,
            HttpServletResponse response,
            HubConnection connection,
            String credential,
            List<SettingProblem> problems) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        fill(model, connection, credential, problems);
        return "hubs/new";
    }

    private void fill(Model model, HubConnection connection, String credential, List<SettingProblem> problems) {
        var byName = new LinkedHashMap<String, String>();
        problems.forEach(problem -> byName.merge(problem.setting(), problem.message(), (a, b) -> a + " " + b));
        var fields = new ArrayList<SettingField>();
        for (SettingSpec spec : hubs.settingsOf(connection.kind())) {
            var value = spec.secret() ? "" : connection.settings().getOrDefault(spec.name(), "");
            fields.add(new SettingField(SETTING_PREFIX + spec.name(), spec, value, byName.remove(spec.name())));
        }
        model.addAttribute("kinds", hubs.connectableKinds());
        model.addAttribute("kind", connection.kind());
        model.addAttribute("label", connection.label());
        model.addAttribute("labelProblem", byName.remove("label"));
        model.addAttribute("fields", fields);
        model.addAttribute("credential", credential);
        model.addAttribute("problems", List.copyOf(byName.values()));
    }

    private HubConnection connection(MultiValueMap<String, String> form) {
        var kind = kind(form.getFirst("kind"));
        var settings = new LinkedHashMap<String, String>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            var name = field.getKey();
            var value =
                    field.getValue().isEmpty() ? "" : field.getValue().get(0).strip();
            if (name.startsWith(SETTING_PREFIX) && !value.isEmpty()) {
                settings.put(name.substring(SETTING_PREFIX.length()), value);
            }
        }
        return new HubConnection(
                kind, Objects.requireNonNullElse(form.getFirst("label"), "").strip(), settings);
    }

    private HubKind kind(@Nullable String name) {
        var kinds = hubs.connectableKinds();
        if (kinds.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "No hub connector is installed");
        }
        if (name == null || name.isBlank()) {
            var suggested = suggestedKind();
            return suggested != null && kinds.contains(suggested) ? suggested : kinds.get(0);
        }
        return kinds.stream()
                .filter(kind -> kind.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No connector for this kind"));
    }

    private @Nullable HubKind suggestedKind() {
        var suggested = suggestion.kind();
        if (suggested != null) {
            return suggested;
        }
        return hubs.connectableKinds().stream()
                .filter(suggestion.hubs()::containsKey)
                .findFirst()
                .orElse(null);
    }

    private static void requireConnect(SignedInPerson me) {
        if (!me.can(Permission.CONNECT_HUB)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Connecting a hub needs CONNECT_HUB");
        }
    }

    private static boolean sameText(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One of the connector's settings on the form.
     *
     * @param field the form field's name
     * @param value what to show in it (never a secret's value)
     * @param problem what is wrong with it, or {@code null}
     */
    record SettingField(
            String field,
            SettingSpec spec,
            String value,
            @Nullable String problem) {}
}
