/* Minimal epoll TCP echo server: the loopback limit for the echo benchmark.
   One thread, non-blocking sockets, level-triggered epoll. Bytes read are written back at once;
   what the socket cannot take yet waits in the connection's buffer, and reading that connection
   pauses (EPOLLOUT instead of EPOLLIN) until it is drained, so memory stays bounded.
   Usage: echo PORT   (listens on 127.0.0.1) */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <unistd.h>

#define SIZE 65536
struct conn { int fd, off, len; char buf[SIZE]; };

static void watch(int ep, int op, struct conn *c, unsigned events) {
  struct epoll_event ev = {.events = events, .data.ptr = c};
  epoll_ctl(ep, op, c->fd, &ev);
}

int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 7009, one = 1;
  int ls = socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  if (bind(ls, (struct sockaddr *)&a, sizeof a) || listen(ls, 1024)) { perror("listen"); return 1; }
  int ep = epoll_create1(0);
  struct conn listener = {.fd = ls};
  watch(ep, EPOLL_CTL_ADD, &listener, EPOLLIN);
  printf("c-echo listening on 127.0.0.1:%d\n", port); fflush(stdout);
  struct epoll_event evs[64];
  for (;;) {
    int n = epoll_wait(ep, evs, 64, -1);
    for (int i = 0; i < n; i++) {
      struct conn *c = evs[i].data.ptr;
      if (c == &listener) {
        int fd = accept4(ls, NULL, NULL, SOCK_NONBLOCK);
        if (fd < 0) continue;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        struct conn *nc = malloc(sizeof *nc);
        nc->fd = fd; nc->off = nc->len = 0;
        watch(ep, EPOLL_CTL_ADD, nc, EPOLLIN);
        continue;
      }
      if (c->len == 0) {  /* readable: read a chunk */
        ssize_t r = read(c->fd, c->buf, SIZE);
        if (r == 0 || (r < 0 && errno != EAGAIN)) { close(c->fd); free(c); continue; }
        if (r < 0) continue;
        c->off = 0; c->len = r;
      }
      ssize_t w = write(c->fd, c->buf + c->off, c->len - c->off);  /* write back what we hold */
      if (w < 0 && errno != EAGAIN) { close(c->fd); free(c); continue; }
      if (w > 0) c->off += w;
      int pending = c->off < c->len;
      if (!pending) c->len = 0;
      if (pending != !!(evs[i].events & EPOLLOUT)) watch(ep, EPOLL_CTL_MOD, c, pending ? EPOLLOUT : EPOLLIN);
    }
  }
}
