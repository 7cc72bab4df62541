/**
 * The audit trail: every change of access — people invited and activated, hubs connected, accounts matched, access
 * shared and revoked, each membership's moves — recorded in the transaction of the change, so a change without its
 * record cannot commit. Records are append-only and chained per workspace by a SHA-256 hash over each record and the
 * one before it, so a changed or deleted record breaks the chain where it was.
 *
 * <p>{@link io.hubwarden.audit.AuditTrail} is the entry point: reading, exporting and checking a workspace's trail.
 */
@NullMarked
package io.hubwarden.audit;

import org.jspecify.annotations.NullMarked;
