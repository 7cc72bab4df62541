/**
 * The server-rendered dashboard (Thymeleaf, plain HTML and a local stylesheet): sign-in, the home page with the
 * workspace's people, invitations and the set-password page, error pages, and the HTTP security that guards them.
 * An adapter: no domain module depends on it.
 */
@NullMarked
package io.hubwarden.web;

import org.jspecify.annotations.NullMarked;
