package io.hubwarden.access;

import java.util.List;

/**
 * A person's tenant cards together with their version, which changes whenever the cards would read differently.
 *
 * @param version opaque, comparable only with another version of the same person's cards
 */
public record CardsAsOf(String version, List<TenantCard> cards) {

    public CardsAsOf {
        cards = List.copyOf(cards);
    }
}
