/*
 * cmd_serve.c — `cjm serve`: the HTML view of journeys over HTTP on
 * loopback, reloaded in open browsers when a file a journey read changes.
 *
 * The main thread renders (report/html_view.c) and watches the files the
 * renders read (cli/readwatch.c); libmicrohttpd answers from its own
 * threads, one per connection, with copies of the pages rendered last.
 * The URL chooses among those pages and the event stream by a fixed
 * table: nothing in a request reaches the file system.  Open pages hold
 * a server-sent event stream; a new render wakes every stream, and each
 * tells its page to reload.  SIGINT and SIGTERM end the streams, let the
 * answers in progress finish and stop the server.
 */
#define _DEFAULT_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "base/dynlib.h"
#include "base/limit.h"
#include "base/sbuf.h"
#include "base/watchdog.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/readwatch.h"
#include "model/load.h"
#include "render/layout.h"
#include "report/html_view.h"

#ifndef CJM_MHD_SONAME
#define CJM_MHD_SONAME "libmicrohttpd.so.12"
#endif

/* libmicrohttpd, loaded by cjm serve alone (base/dynlib.h) */
#define MHD_FN(name) __typeof__(&MHD_##name) name
static struct {
    MHD_FN(add_response_header);
    MHD_FN(create_response_from_buffer);
    MHD_FN(create_response_from_callback);
    MHD_FN(destroy_response);
    MHD_FN(get_daemon_info);
    MHD_FN(lookup_connection_value);
    MHD_FN(queue_response);
    MHD_FN(start_daemon);
    MHD_FN(stop_daemon);
} mhd;
#undef MHD_FN

/* Bind the table; 0, or -1 after saying why. */
static int load_mhd(void)
{
    char why[300];
    void *lib = dynlib_open(CJM_MHD_SONAME, why, sizeof why);
#define BIND(name) (lib && (mhd.name = (__typeof__(mhd.name))dynlib_sym(lib, "MHD_" #name, \
                                                                        why, sizeof why)))
    int ok = BIND(add_response_header) && BIND(create_response_from_buffer)
          && BIND(create_response_from_callback) && BIND(destroy_response)
          && BIND(get_daemon_info) && BIND(lookup_connection_value) && BIND(queue_response)
          && BIND(start_daemon) && BIND(stop_daemon);
#undef BIND
    if (!ok)
        fprintf(stderr, "cjm serve: %s; it comes with Debian's libmicrohttpd12\n", why);
    return ok ? 0 : -1;
}

/* Seconds between keep-alive comments on an idle event stream: a page
 * that went away is noticed by then. */
#define SERVE_KEEPALIVE_S 10
/* Seconds a connection may sit without any traffic. */
#define SERVE_IDLE_S 60

static const cli_option serve_options[] = {
    { "port", 0, 1, "N", "the port to listen on (default 8080; 0: any free port)" },
    { "host", 0, 1, "ADDR", "the IPv4 address to listen on (default 127.0.0.1: this machine only)" },
    { "theme", 0, 1, "THEME", "light (default), dark or print" },
    { "help", 'h', 0, "", "show this help" },
    CLI_COMMON_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

void help_serve(FILE *out)
{
    fputs("usage: cjm serve FILE... [--port N] [--host ADDR] [options]\n\n"
          "Serve the HTML view of each journey (as `cjm render -o page.html`\n"
          "writes it) on http://127.0.0.1:8080/.  Open pages reload by\n"
          "themselves when a file a journey read changes: the journey, its Lua\n"
          "modules and templates, stdlib modules, its data and photos.  While a\n"
          "journey does not load, its page shows the problems instead.  With\n"
          "several journeys, / lists them and /1, /2, ... are their pages.\n"
          "Only the pages cjm rendered are served; no URL reads a file.\n"
          "Each render keeps --timeout; the server runs until Ctrl-C (or SIGTERM)\n"
          "stops it.\n\n"
          "options:\n", out);
    cli_print_options(serve_options, out);
    fputs("\nexamples:\n"
          "  cjm serve scripts/acme_b2b.yaml\n"
          "  cjm serve scripts/*.yaml --port 9000\n", out);
}

typedef struct page { char *html; size_t len; } page;

typedef struct server {
    pthread_mutex_t lock;
    pthread_cond_t changed;     /* VERSION moved on, or STOPPING */
    page *pages;                /* one per journey, then the list of them */
    int count;
    unsigned version;           /* renders so far */
    int stopping;
} server;

/* ---- answering ---------------------------------------------------------------- */

static enum MHD_Result send_text(struct MHD_Connection *c, unsigned status, const char *type,
                                 const char *text, size_t len, int copy)
{
    struct MHD_Response *r = mhd.create_response_from_buffer(
        len, (void *)text, copy ? MHD_RESPMEM_MUST_COPY : MHD_RESPMEM_MUST_FREE);
    if (!r)
        return MHD_NO;
    mhd.add_response_header(r, "Content-Type", type);
    mhd.add_response_header(r, "Cache-Control", "no-store");
    mhd.add_response_header(r, "X-Content-Type-Options", "nosniff");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        mhd.add_response_header(r, "Allow", "GET, HEAD");
    enum MHD_Result ok = mhd.queue_response(c, status, r);
    mhd.destroy_response(r);
    return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *text)
{
    return send_text(c, status, "text/plain; charset=utf-8", text, strlen(text), 1);
}

/* Page K (a copy, made under the lock). */
static enum MHD_Result send_page(struct MHD_Connection *c, server *s, int k)
{
    pthread_mutex_lock(&s->lock);
    size_t len = s->pages[k].len;
    char *copy = malloc(len ? len : 1);
    if (copy)
        memcpy(copy, s->pages[k].html, len);
    pthread_mutex_unlock(&s->lock);
    if (!copy)
        return send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory\n");
    return send_text(c, MHD_HTTP_OK, "text/html; charset=utf-8", copy, len, 0);
}

typedef struct stream { server *s; unsigned seen; } stream;

/* The event stream: "reload" when a render newer than the page's is
 * there, a comment every SERVE_KEEPALIVE_S seconds otherwise. */
static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    stream *e = cls;
    server *s = e->s;
    if (pos == 0)
        return snprintf(buf, max, "retry: 1000\n\n");
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += SERVE_KEEPALIVE_S;
    pthread_mutex_lock(&s->lock);
    while (!s->stopping && s->version == e->seen)
        if (pthread_cond_timedwait(&s->changed, &s->lock, &until) == ETIMEDOUT)
            break;
    int stop = s->stopping, news = s->version != e->seen;
    e->seen = s->version;
    pthread_mutex_unlock(&s->lock);
    if (stop)
        return MHD_CONTENT_READER_END_OF_STREAM;
    return news ? snprintf(buf, max, "event: reload\ndata: %u\n\n", e->seen)
                : snprintf(buf, max, ": still here\n\n");
}

static enum MHD_Result send_stream(struct MHD_Connection *c, server *s)
{
    stream *e = malloc(sizeof *e);
    if (!e)
        return send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory\n");
    /* the render the page came from: a newer one reloads it at once */
    const char *v = mhd.lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "v");
    pthread_mutex_lock(&s->lock);
    e->s = s;
    e->seen = v ? (unsigned)strtoul(v, NULL, 10) : s->version;
    pthread_mutex_unlock(&s->lock);
    struct MHD_Response *r = mhd.create_response_from_callback(MHD_SIZE_UNKNOWN, 256,
                                                               stream_read, e, free);
    if (!r) {
        free(e);
        return MHD_NO;
    }
    mhd.add_response_header(r, "Content-Type", "text/event-stream");
    mhd.add_response_header(r, "Cache-Control", "no-store");
    enum MHD_Result ok = mhd.queue_response(c, MHD_HTTP_OK, r);
    mhd.destroy_response(r);
    return ok;
}

/* Which page URL names: 0.. for a page, -1 for the event stream, -2 for
 * nothing.  "/" is the only journey's page, or the list of several. */
static int route(const server *s, const char *url)
{
    if (strcmp(url, "/") == 0)
        return s->count == 1 ? 0 : s->count;
    if (strcmp(url, "/events") == 0)
        return -1;
    if (url[0] != '/' || url[1] < '1' || url[1] > '9' || strlen(url) > 8)
        return -2;
    int k = 0;
    for (const char *p = url + 1; *p; p++) {
        if (*p < '0' || *p > '9')
            return -2;
        k = 10 * k + (*p - '0');
    }
    return k <= s->count ? k - 1 : -2;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version,
                              const char *upload, size_t *upload_size, void **state)
{
    (void)version;
    (void)upload;
    (void)state;
    server *s = cls;
    *upload_size = 0;               /* a body is read and ignored */
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD\n");
    int k = route(s, url);
    if (k == -1)
        return send_stream(c, s);
    if (k < 0)
        return send_error(c, MHD_HTTP_NOT_FOUND, "not found: cjm serves only its pages "
                                                 "(/ and /1, /2, ...)\n");
    return send_page(c, s, k);
}

/* ---- rendering ------------------------------------------------------------------ */

/* The page of journey PATH for render VERSION (its problems when it does
 * not load), into P; problems also go to stderr. */
static void render_page(const char *path, const load_options *lo, const html_options *base,
                        unsigned version, page *p)
{
    arena a;
    arena_init(&a);
    diag_list d;
    diag_init(&d);
    char live[64];
    snprintf(live, sizeof live, "/events?v=%u", version);
    html_options ho = *base;
    ho.live = live;
    char dir[4096];
    ho.base_dir = cli_folder_of(path, dir, sizeof dir);
    watchdog_arm(limit_get(LIM_TIMEOUT));
    cjm_journey *j = load_journey(&a, path, lo, &d);
    sbuf out = { 0 };
    if (!j || d.errors || html_view(&out, j, &ho, path, &d) < 0 || d.errors) {
        sbuf_free(&out);
        html_problems(&out, path, &d, &ho);
    }
    watchdog_arm(1e9);              /* no deadline between renders */
    diag_print(&d, stderr);
    size_t len;
    char *html = sbuf_finish(&out, &len);
    p->html = html ? html : strdup("");
    p->len = html ? len : 0;
    diag_free(&d);
    arena_free(&a);
}

/* The list of journeys, for "/" when there are several. */
static void render_list(const cli_args *args, const html_options *o, page *p)
{
    sbuf out = { 0 };
    html_index(&out, (const char *const *)args->positional, args->positional_count, o);
    size_t len;
    char *html = sbuf_finish(&out, &len);
    p->html = html ? html : strdup("");
    p->len = html ? len : 0;
}

/* Render every journey, noting what they read, and put the pages in. */
static void render_all(server *s, const cli_args *args, const load_options *lo,
                       const html_options *o, readwatch *w)
{
    unsigned version = s->version + 1;
    page *fresh = calloc((size_t)s->count + 1, sizeof *fresh);
    if (!fresh)
        return;
    readwatch_begin(w);
    for (int i = 0; i < s->count; i++)
        render_page(args->positional[i], lo, o, version, &fresh[i]);
    readwatch_end(w);
    render_list(args, o, &fresh[s->count]);
    pthread_mutex_lock(&s->lock);
    page *old = s->pages;
    s->pages = fresh;
    s->version = version;
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
    for (int i = 0; old && i <= s->count; i++)
        free(old[i].html);
    free(old);
    time_t now = time(NULL);
    char at[16];
    strftime(at, sizeof at, "%H:%M:%S", localtime(&now));
    fprintf(stderr, "cjm serve: %s rendered; open pages reload\n", at);
}

/* ---- running -------------------------------------------------------------------- */

static struct MHD_Daemon *start(server *s, const char *host, int port)
{
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    if (strcmp(host, "localhost") == 0)
        host = "127.0.0.1";
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        fprintf(stderr, "cjm serve: --host %s: not an IPv4 address (such as 127.0.0.1, "
                "or 0.0.0.0 for every network)\n", host);
        return NULL;
    }
    struct MHD_Daemon *d = mhd.start_daemon(
        MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL,
        0, NULL, NULL, answer, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        /* the limit serve-clients: more are refused at once */
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)limit_count(LIM_SERVE_CLIENTS),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_IDLE_S,
        MHD_OPTION_THREAD_STACK_SIZE, (size_t)(512 * 1024),
        MHD_OPTION_END);
    if (!d)
        fprintf(stderr, "cjm serve: cannot listen on %s:%d: %s\n", host, port,
                errno ? strerror(errno) : "the port is taken or not allowed");
    else if (addr.sin_addr.s_addr != htonl(INADDR_LOOPBACK))
        fprintf(stderr, "cjm serve: warning: listening on %s: other machines can see "
                "these journeys\n", host);
    return d;
}

/* Wait for a change to a file the renders read (1), or a signal (0). */
static int wait_event(readwatch *w, int sigfd)
{
    int changed = 0;
    for (;;) {
        struct pollfd p[2] = { { readwatch_fd(w), POLLIN, 0 }, { sigfd, POLLIN, 0 } };
        int r = poll(p, 2, changed ? 150 : -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 || (p[1].revents & POLLIN))
            return 0;
        if (r == 0)
            return 1;               /* quiet for 150 ms after a change */
        int c = readwatch_changed(w);
        if (c < 0)
            return 0;
        changed |= c;
    }
}

/* Serve until a signal: the pages, then a new render on each change. */
static int serve(server *s, const cli_args *args, const load_options *lo,
                 const html_options *ho, const char *host, int port)
{
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);    /* the server's threads too */
    int sigfd = signalfd(-1, &sigs, SFD_CLOEXEC);
    readwatch *w = readwatch_new("serve");
    if (sigfd < 0 || !w) {
        readwatch_free(w);
        return EXIT_INPUT;
    }
    render_all(s, args, lo, ho, w);
    struct MHD_Daemon *d = start(s, host, port);
    if (!d) {
        readwatch_free(w);
        close(sigfd);
        return EXIT_INPUT;
    }
    const union MHD_DaemonInfo *info = mhd.get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    fprintf(stderr, "cjm serve: http://%s:%u/ (%d journey%s; Ctrl-C stops)\n",
            strcmp(host, "localhost") ? host : "127.0.0.1", info ? info->port : (unsigned)port,
            s->count, s->count == 1 ? "" : "s");
    while (wait_event(w, sigfd))
        render_all(s, args, lo, ho, w);
    pthread_mutex_lock(&s->lock);
    s->stopping = 1;
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
    mhd.stop_daemon(d);
    readwatch_free(w);
    close(sigfd);
    fprintf(stderr, "cjm serve: stopped\n");
    return EXIT_OK;
}

int cmd_serve(int argc, char **argv)
{
    static cli_args args;
    load_options lo;
    int rc = cli_start("serve", serve_options, argc, argv, &args, help_serve, 1, -1,
                       "journey files", &lo);
    if (rc >= 0)
        return rc;
    double port = 8080;
    const char *s = cli_value(serve_options, &args, "port");
    if (s && cli_number("serve", "port", s, 0, 65535, &port) < 0)
        return EXIT_USAGE;
    const char *host = cli_value(serve_options, &args, "host");
    html_options ho = { theme_get((s = cli_value(serve_options, &args, "theme")) ? s : "light"),
                        NULL, NULL };
    if (!ho.theme) {
        fprintf(stderr, "cjm serve: unknown theme \"%s\" (light, dark or print)\n", s);
        return EXIT_USAGE;
    }
    if (load_mhd() < 0)
        return EXIT_INPUT;
    server sv = { .count = args.positional_count };
    pthread_mutex_init(&sv.lock, NULL);
    pthread_cond_init(&sv.changed, NULL);
    rc = serve(&sv, &args, &lo, &ho, host ? host : "127.0.0.1", (int)port);
    for (int i = 0; sv.pages && i <= sv.count; i++)
        free(sv.pages[i].html);
    free(sv.pages);
    pthread_cond_destroy(&sv.changed);
    pthread_mutex_destroy(&sv.lock);
    text_end();
    return rc;
}
