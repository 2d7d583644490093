package io.tickstock.perf.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * The end of one client's Netty pipeline: the handshake's completion, each whole text frame (its bytes, stamped the
 * moment they were read off the socket, before any parsing), the gateway's close, the connection's end.
 */
final class ClientChannel extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final PerfClient client;
    private int closeCode = -1;
    private byte[] buffer = new byte[64 * 1024];

    ClientChannel(PerfClient client) {
        this.client = client;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            client.opened(ctx.channel());
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        long receivedMicros = PerfClient.nowMicros();
        if (frame instanceof TextWebSocketFrame text) {
            ByteBuf content = text.content();
            int length = content.readableBytes();
            if (buffer.length < length) {
                buffer = new byte[Math.max(length, buffer.length * 2)];
            }
            content.getBytes(content.readerIndex(), buffer, 0, length);
            client.frame(buffer, length, receivedMicros);
        } else if (frame instanceof CloseWebSocketFrame close) {
            closeCode = close.statusCode();
            ctx.writeAndFlush(new CloseWebSocketFrame(closeCode, "")).addListener(written -> ctx.close());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.ended(closeCode);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        client.failed(cause);
        ctx.close();
    }
}
