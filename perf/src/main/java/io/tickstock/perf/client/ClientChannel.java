package io.tickstock.perf.client;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * The end of one client's Netty pipeline: the handshake's completion, each whole text frame (its bytes, stamped the
 * moment they were read off the socket, before any parsing), the gateway's close, the connection's end. All of it
 * goes to the client's {@link FrameReaders.Reader}, in order: the event loop only stamps and copies.
 */
final class ClientChannel extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final PerfClient client;
    private final FrameReaders.Reader reader;
    private int closeCode = -1;

    ClientChannel(PerfClient client, FrameReaders.Reader reader) {
        this.client = client;
        this.reader = reader;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            reader.run(() -> client.opened(ctx.channel()));
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        long receivedMicros = PerfClient.nowMicros();
        if (frame instanceof TextWebSocketFrame text) {
            reader.frame(client, ByteBufUtil.getBytes(text.content()), receivedMicros);
        } else if (frame instanceof CloseWebSocketFrame close) {
            closeCode = close.statusCode();
            ctx.writeAndFlush(new CloseWebSocketFrame(closeCode, "")).addListener(written -> ctx.close());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        long endedAtMillis = System.currentTimeMillis();
        int code = closeCode;
        reader.run(() -> client.ended(code, endedAtMillis));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        reader.run(() -> client.failed(cause));
        ctx.close();
    }
}
