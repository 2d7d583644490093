package io.tickstock.gateway.route;

import io.tickstock.model.MarketEvent;

/**
 * An event read from Kafka, ready to route: the record for matching, and its JSON object (with its cursor)
 * written once for every client that gets it.
 */
public record OutgoingEvent(MarketEvent event, String json) {
}
