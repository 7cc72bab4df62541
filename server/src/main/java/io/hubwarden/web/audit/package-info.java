/** The audit trail page and its CSV export, for the people who may read the trail. */
@NullMarked
package io.hubwarden.web.audit;

import org.jspecify.annotations.NullMarked;
