package io.groundwire.benchmarks.peers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/**
 * A minimal Netty 4.2 TCP echo server: one event loop (epoll when available), bytes written back as
 * they arrive, reading paused while the socket cannot take more (so memory stays bounded).
 */
public final class NettyEcho implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel channel;

  private NettyEcho(EventLoopGroup group, Channel channel) {
    this.group = group;
    this.channel = channel;
  }

  /** Starts listening on loopback {@code port} (0 = ephemeral); fails if the port is taken. */
  public static NettyEcho start(int port) throws InterruptedException {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Class<? extends ServerSocketChannel> type =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    try {
      Channel channel = new ServerBootstrap()
          .group(group)
          .channel(type)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .childHandler(new Echo())
          .bind(new InetSocketAddress(Args.HOST, port)).sync().channel();
      return new NettyEcho(group, channel);
    } catch (RuntimeException | InterruptedException e) {
      group.shutdownGracefully();
      throw e;
    }
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully().syncUninterruptibly();
  }

  /** Runs the server on the port given as the first argument (default 7008) until killed. */
  public static void main(String[] args) throws InterruptedException {
    NettyEcho server = start(Args.port(args, 7008));
    Args.ready("netty-echo (" + (Epoll.isAvailable() ? "epoll" : "nio") + ")", server.port());
    server.channel.closeFuture().sync();
  }

  @ChannelHandler.Sharable
  private static final class Echo extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      // Backpressure: stop reading while the peer is not draining our writes.
      ctx.channel().config().setAutoRead(ctx.channel().isWritable());
      if (!ctx.channel().isWritable()) {
        ctx.flush();
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      // Half-close: the client finished sending; close once everything was written back.
      if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
        ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
            .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
