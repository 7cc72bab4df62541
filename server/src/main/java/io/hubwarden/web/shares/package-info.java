/** The share form of a hub: share it with people, with roles, asset tasks, and a seat in the hub or not. */
@NullMarked
package io.hubwarden.web.shares;

import org.jspecify.annotations.NullMarked;
