package io.hubwarden.simulator.meta;

/**
 * A Facebook login: what a person signs in with on the login dialog and on invitation join pages. Graph never shows
 * this id: apps see an app-scoped id ({@link MetaSimulator#appScopedId}), businesses a business-scoped one
 * ({@link BusinessUser#id()}).
 *
 * @param id the simulator's own key for the person
 * @param email the login e-mail address
 * @param name the display name
 * @param password the login password
 */
public record FacebookPerson(String id, String email, String name, String password) {}
