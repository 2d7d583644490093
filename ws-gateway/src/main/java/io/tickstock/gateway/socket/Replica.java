package io.tickstock.gateway.socket;

import io.tickstock.gateway.metrics.GatewayMetrics;
import io.tickstock.gateway.queue.RecentEvents;
import io.tickstock.gateway.queue.SharedLimit;
import io.tickstock.gateway.resume.CatchUps;
import io.tickstock.gateway.route.Interests;
import io.tickstock.gateway.route.SnapshotCache;

/**
 * What every connection of this gateway replica shares: its settings, meters, the byte budget of frames on the wire
 * (a frame waits whole on a slow socket, so each client's frame is its share of it), the log of recent events, the
 * snapshot cache, the readers of the topic for clients the log does not cover, and which sessions want what (so
 * a batch wakes only those).
 */
record Replica(SessionSettings settings, GatewayMetrics metrics, SharedLimit frameBytes, RecentEvents log,
        SnapshotCache cache, CatchUps catchUps, Interests<ClientSession> interests) {
}
