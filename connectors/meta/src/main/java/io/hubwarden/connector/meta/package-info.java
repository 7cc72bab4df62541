/** The Meta Business Manager connector: the Graph API over {@code java.net.http}, wire records package-private. */
@NullMarked
package io.hubwarden.connector.meta;

import org.jspecify.annotations.NullMarked;
