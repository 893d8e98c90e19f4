package io.groundwire.benchmarks.peers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;

/**
 * Netty 4.2 hello server: {@code HttpServerCodec} plus {@code HttpServerKeepAliveHandler} (which
 * honours {@code Connection: close}) on one event loop, epoll when available.
 */
public final class NettyHello {
  private static final ByteBuf BODY = Unpooled.unreleasableBuffer(
      Unpooled.directBuffer(Hello.BYTES.length).writeBytes(Hello.BYTES));

  private NettyHello() {}

  /** Serves {@code GET /} on the port given as the first argument (default 8081) until killed. */
  public static void main(String[] args) throws InterruptedException {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    int port = Args.port(args, 8081);
    Channel channel = new ServerBootstrap()
        .group(group)
        .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 4096)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new HttpServerKeepAliveHandler())
                .addLast(new HelloHandler());
          }
        })
        .bind(new InetSocketAddress(Args.HOST, port)).sync().channel();
    Args.ready("netty-hello (" + (epoll ? "epoll" : "nio") + ")", port);
    channel.closeFuture().sync();
  }

  private static final class HelloHandler extends SimpleChannelInboundHandler<HttpObject> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (msg instanceof HttpRequest request) {
        FullHttpResponse response = new DefaultFullHttpResponse(
            request.protocolVersion().equals(HttpVersion.HTTP_1_0) ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1,
            HttpResponseStatus.OK, BODY.duplicate());
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, Hello.CONTENT_TYPE)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, Hello.BYTES.length);
        ctx.write(response);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
