/**
 * Workspaces and their people: the workspace roles and what each may do, password sign-in with throttling, and
 * workspace invitations. {@link io.hubwarden.workspace.Workspaces} is the entry point for other modules; {@link
 * io.hubwarden.workspace.CurrentPerson} tells who is signed in.
 */
@NullMarked
package io.hubwarden.workspace;

import org.jspecify.annotations.NullMarked;
