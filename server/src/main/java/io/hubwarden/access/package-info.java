/**
 * Access to hubs: access shares (who may use which hub, with which Hubwarden role, hub role and asset tasks), the
 * membership of each person in each hub with its state machine (what a tenant card shows), the effective grant over
 * a person's shares, the jobs that invite people into a hub, and the connection of a person's own hub profile with
 * its verification by the hub's user id. {@link io.hubwarden.access.AccessShares} is the entry point for other
 * modules; {@link io.hubwarden.access.AccessShared} and {@link io.hubwarden.access.MembershipStatusChanged} are the
 * events it publishes.
 */
@NullMarked
package io.hubwarden.access;

import org.jspecify.annotations.NullMarked;
