/**
 * The TikTok Business Center connector: the Business API v1.3 over {@code java.net.http}, wire records
 * package-private.
 */
@NullMarked
package io.hubwarden.connector.tiktok;

import org.jspecify.annotations.NullMarked;
