package io.hubwarden.dev;

import io.hubwarden.workspace.PersonStatus;
import io.hubwarden.workspace.WorkspaceId;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The demo workspace "Acme Ads" with its Owner and an invited colleague, created through the workspace API on the
 * first start and reused on later ones. The Owner's generated password is kept beside the database, in
 * {@code demo-workspace.properties}, so that it can be printed again.
 *
 * @param workspaceId the workspace
 * @param slug its short name
 * @param ownerEmail the Owner's sign-in e-mail
 * @param ownerPassword the Owner's password
 * @param colleagueEmail the colleague, invited to the workspace; they set a password from the invitation mail
 * @param created whether this start created the workspace
 */
record DemoWorkspace(
        WorkspaceId workspaceId,
        String slug,
        String ownerEmail,
        String ownerPassword,
        String colleagueEmail,
        boolean created) {

    static final String FILE = "demo-workspace.properties";
    static final String NAME = "Acme Ads";
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /**
     * Finds the demo workspace of an earlier start, or creates it. When the colleague has still not set a password, the
     * invitation is sent again, since the mailbox of an earlier start is gone.
     *
     * @throws UncheckedIOException when the sign-in file cannot be read or written
     */
    static DemoWorkspace ensure(Workspaces workspaces, Path dataDirectory, SecureRandom random) {
        var file = dataDirectory.resolve(FILE);
        var earlier = read(file).flatMap(saved -> reuse(workspaces, saved));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var password = password(random);
        var owner = DemoBusiness.OWNER;
        var created = workspaces.create(NAME, owner.email(), owner.name(), password);
        var colleague = DemoBusiness.COLLEAGUE;
        workspaces.invite(created.ownerId(), colleague.email(), colleague.name(), WorkspaceRole.USER);
        var demo = new DemoWorkspace(
                created.workspaceId(), created.slug(), owner.email(), password, colleague.email(), true);
        write(file, demo);
        return demo;
    }

    private static Optional<DemoWorkspace> reuse(Workspaces workspaces, Properties saved) {
        var id = new WorkspaceId(UUID.fromString(saved.getProperty("workspace-id", "")));
        var workspace = workspaces.workspace(id);
        var ownerEmail = saved.getProperty("owner-email", "");
        var owner = workspaces.findByEmail(id, ownerEmail);
        if (workspace.isEmpty() || owner.isEmpty()) {
            return Optional.empty();
        }
        var colleagueEmail = DemoBusiness.COLLEAGUE.email();
        workspaces
                .findByEmail(id, colleagueEmail)
                .filter(colleague -> colleague.status() == PersonStatus.INVITED)
                .ifPresent(colleague -> workspaces.resendInvitation(owner.get().id(), colleague.id()));
        return Optional.of(new DemoWorkspace(
                id,
                workspace.get().slug(),
                ownerEmail,
                saved.getProperty("owner-password", ""),
                colleagueEmail,
                false));
    }

    private static Optional<Properties> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var saved = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            UUID.fromString(saved.getProperty("workspace-id", ""));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        return Optional.of(saved);
    }

    private static void write(Path file, DemoWorkspace demo) {
        var saved = new Properties();
        saved.setProperty("workspace-id", demo.workspaceId().value().toString());
        saved.setProperty("owner-email", demo.ownerEmail());
        saved.setProperty("owner-password", demo.ownerPassword());
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                saved.store(writer, "The demo workspace of ./hubwarden dev; delete the data directory to start afresh");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Four groups of four characters that cannot be mistaken for one another, e.g. {@code k7pm-2xqa-...}. */
    private static String password(SecureRandom random) {
        var password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
