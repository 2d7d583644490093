package io.tickstock.perf.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Many {@link PerfClient}s on a few Netty event loops: a thousand connections cost the harness a handful of
 * threads. An event loop only stamps each frame and copies it off the socket; the {@link FrameReaders} read it, so
 * the harness measures the gateway rather than itself.
 */
public final class ClientFleet implements AutoCloseable {

    /** Upgrades in flight at once: a thousand simultaneous handshakes would only measure the accept queue. */
    private static final int CONNECTING_AT_ONCE = 32;
    /** Between attempts to reach a gateway that is down; a 1012 close ("restarting") is answered at once. */
    private static final long RETRY_MILLIS = 250;
    private static final int SERVICE_RESTART = 1012;
    /** Largest server frame accepted (the gateway's are at most a few hundred KiB). */
    private static final int MAX_FRAME = 64 * 1024 * 1024;

    private final EventLoopGroup loops;
    private final FrameReaders readers;
    private final List<PerfClient> clients = new ArrayList<>();
    private volatile boolean closing;

    public ClientFleet(int threads) {
        this.loops = new NioEventLoopGroup(threads, new DefaultThreadFactory("perf-client", true));
        this.readers = new FrameReaders(threads);
    }

    /**
     * Connects every client to {@code uri} and waits until each one's subscription is acknowledged.
     *
     * @throws IllegalStateException naming the first client that could not connect or subscribe
     */
    public void connect(URI uri, List<PerfClient> toConnect, Duration timeout) {
        Semaphore slots = new Semaphore(CONNECTING_AT_ONCE);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        try {
            for (PerfClient client : toConnect) {
                slots.acquire();
                synchronized (this) {
                    clients.add(client);
                }
                open(client, uri).addListener(connected -> {
                    if (!connected.isSuccess()) {
                        client.failed(connected.cause());
                    }
                });
                client.subscribed().whenComplete((ok, error) -> slots.release());
                ready.add(client.subscribed());
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting clients", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client could not connect and subscribe to " + uri + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            long done = ready.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
            throw new IllegalStateException("only " + done + " of " + toConnect.size()
                    + " clients were connected and subscribed after " + timeout.toSeconds() + " s", e);
        }
    }

    /**
     * From now on, whenever a connection of {@code client} ends, connects it again — to the gateway {@code uri}
     * names then, retrying while none answers — where it subscribes with its cursor (as docs/protocol.md asks
     * programs to, and {@code /js/tickstock.js} does).
     */
    public void keepConnected(PerfClient client, Supplier<URI> uri) {
        client.whenEnded(() -> {
            List<Integer> codes = client.closeCodes();
            boolean restarting = !codes.isEmpty() && codes.get(codes.size() - 1) == SERVICE_RESTART;
            reconnect(client, uri, restarting ? 0 : RETRY_MILLIS);
        });
    }

    private void reconnect(PerfClient client, Supplier<URI> uri, long delayMillis) {
        if (closing) {
            return;
        }
        loops.schedule(() -> open(client, uri.get()).addListener(connected -> {
            if (!connected.isSuccess()) {
                reconnect(client, uri, RETRY_MILLIS); // the gateway is down or still starting
            }
        }), delayMillis, TimeUnit.MILLISECONDS);
    }

    private ChannelFuture open(PerfClient client, URI uri) {
        FrameReaders.Reader reader = client.reader(readers);
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .version(WebSocketVersion.V13)
                .maxFramePayloadLength(MAX_FRAME)
                .handleCloseFrames(false)
                .dropPongFrames(true)
                .handshakeTimeoutMillis(10_000)
                .build();
        return new Bootstrap().group(loops).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65_536),
                                new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME),
                                new ClientChannel(client, reader));
                    }
                })
                .connect(uri.getHost(), uri.getPort());
    }

    public synchronized List<PerfClient> clients() {
        return List.copyOf(clients);
    }

    @Override
    public void close() {
        closing = true;
        List<PerfClient> open;
        synchronized (this) {
            open = List.copyOf(clients);
        }
        for (PerfClient client : open) {
            Channel channel = client.channel();
            if (channel != null && channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame(1000, "perf run done")).addListener(done ->
                        channel.close());
            }
        }
        loops.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        readers.close();
    }
}
