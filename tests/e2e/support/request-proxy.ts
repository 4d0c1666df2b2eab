/**
 * A forward proxy on loopback for a browser that Playwright does not drive (WebKit,
 * support/webkit.ts): what Playwright's `route`, request events and init scripts give in
 * the other engines, with the same shapes (`Route`, `Request`, `Response`), for the parts
 * the tests use. Handlers run in the test's process, as Playwright's do.
 */
import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type RouteHandler = (route: ProxiedRoute) => unknown;
type Listener = (...args: never[]) => unknown;

/** What a test's route handler and request listeners see of one request. */
class ProxiedRequest {
  constructor(
    private readonly incoming: IncomingMessage,
    private readonly address: string,
  ) {}
  url() {
    return this.address;
  }
  method() {
    return this.incoming.method ?? 'GET';
  }
  headers() {
    return this.incoming.headers;
  }
  /** Playwright's names for what WebKit says it fetches (Sec-Fetch-Dest). */
  resourceType() {
    const destination = String(this.incoming.headers['sec-fetch-dest'] ?? '');
    return ({ document: 'document', script: 'script', style: 'stylesheet', image: 'image', font: 'font', empty: 'fetch' } as Record<string, string>)[destination] ?? 'other';
  }
}

class FetchedResponse {
  constructor(
    private readonly response: Response,
    private readonly bytes: Buffer,
  ) {}
  status() {
    return this.response.status;
  }
  ok() {
    return this.response.ok;
  }
  headers() {
    return Object.fromEntries(this.response.headers);
  }
  async body() {
    return this.bytes;
  }
  async text() {
    return this.bytes.toString('utf8');
  }
  async json() {
    return JSON.parse(this.bytes.toString('utf8'));
  }
}

/** Playwright's `Route`, for a request that came through the test's proxy. */
class ProxiedRoute {
  handled = false;
  constructor(
    private readonly proxy: RequestProxy,
    private readonly req: ProxiedRequest,
    private readonly incoming: IncomingMessage,
    private readonly outgoing: ServerResponse,
  ) {}
  request() {
    return this.req;
  }
  async abort() {
    this.handled = true;
    this.outgoing.destroy();
  }
  /** Routed requests go out unconditional, as they do where Playwright's routing turns off the cache. */
  async fetch() {
    return this.proxy.fetchUpstream(this.incoming, this.req.url(), true);
  }
  async continue() {
    this.handled = true;
    await this.proxy.forward(this.incoming, this.outgoing, this.req, true);
  }
  async fulfill(options: { status?: number; contentType?: string; body?: string | Buffer; json?: unknown; response?: FetchedResponse; headers?: Record<string, string> }) {
    this.handled = true;
    const headers: Record<string, string> = { ...(options.response?.headers() ?? {}), ...(options.headers ?? {}) };
    delete headers['content-length'];
    delete headers['content-encoding'];
    delete headers['transfer-encoding'];
    let body = options.body ?? (options.response ? await options.response.body() : '');
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    if (options.contentType) headers['content-type'] = options.contentType;
    // The init scripts' hashes go into the policy header: before the head is written.
    const document = this.proxy.withInitScripts(headers, body);
    this.outgoing.writeHead(options.status ?? options.response?.status() ?? 200, headers);
    this.outgoing.end(document);
    this.proxy.emit('response', { url: () => this.req.url(), status: () => options.status ?? 200, request: () => this.req, finished: async () => null });
  }
}

/** The proxy of one test's browser, which sends every request through it. */
export class RequestProxy {
  private readonly server: Server;
  private routes: { matches: (url: string) => boolean; handler: RouteHandler; pattern: unknown }[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  /** Scripts a test added with `addInitScript`, as source, in the order added. */
  readonly initScripts: string[] = [];
  /** The addresses of requests not yet answered or given up, for a page load that stalls. */
  readonly openRequests = new Set<string>();

  private constructor(server: Server) {
    this.server = server;
  }

  static async start(): Promise<RequestProxy> {
    const server = createHttpServer();
    const proxy = new RequestProxy(server);
    server.on('request', (incoming, outgoing) => void proxy.handle(incoming, outgoing));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get address() {
    return `127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  stop() {
    this.server.closeAllConnections();
    this.server.close();
  }

  route(pattern: string | RegExp, handler: RouteHandler, baseURL: string) {
    this.routes.unshift({ matches: urlMatcher(pattern, baseURL), handler, pattern });
  }

  unroute(pattern: string | RegExp) {
    this.routes = this.routes.filter((route) => String(route.pattern) !== String(pattern));
  }

  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  off(event: string, listener: Listener) {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
  }

  emit(event: string, value: unknown) {
    for (const listener of this.listeners.get(event) ?? []) (listener as (value: unknown) => unknown)(value);
  }

  waitFor(event: string, predicate: (value: never) => boolean, timeout: number) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off(event, listener);
        reject(new Error(`Timeout ${timeout} ms exceeded waiting for '${event}'`));
      }, timeout);
      const listener = (value: never) => {
        if (!predicate(value)) return;
        clearTimeout(timer);
        this.off(event, listener);
        resolve(value);
      };
      this.on(event, listener);
    });
  }

  private async handle(incoming: IncomingMessage, outgoing: ServerResponse) {
    const address = incoming.url ?? '';
    const request = new ProxiedRequest(incoming, address);
    this.emit('request', request);
    this.openRequests.add(address);
    let finished = false;
    outgoing.on('finish', () => (finished = true));
    outgoing.on('close', () => {
      this.openRequests.delete(address);
      if (!finished) this.emit('requestfailed', { url: () => address, request: () => request, failure: () => ({ errorText: 'closed by the browser before the reply' }) });
    });
    const route = this.routes.find((candidate) => candidate.matches(address));
    try {
      if (route) {
        const proxied = new ProxiedRoute(this, request, incoming, outgoing);
        await route.handler(proxied);
        if (!proxied.handled) throw new Error(`the route handler for ${address} neither fulfilled, continued nor aborted it`);
      } else {
        await this.forward(incoming, outgoing, request);
      }
    } catch (e) {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`test proxy: ${(e as Error).message}`);
    }
  }

  /**
   * Playwright's init scripts, for an engine it cannot reach: each HTML document gets the
   * test's scripts inline, first in its head (after the charset, before the policy's meta
   * tag), and the policy in its header allows exactly them by hash. Only tests that add an
   * init script see a changed document.
   */
  withInitScripts(headers: Record<string, string>, body: string | Buffer): string | Buffer {
    if (this.initScripts.length === 0 || !String(headers['content-type'] ?? '').startsWith('text/html')) return body;
    const html = body.toString();
    const charset = html.match(/<meta charset="utf-8">/i);
    if (!charset) throw new Error('test proxy: an init script needs a document with <meta charset="utf-8">');
    // The marker lets the adapter tell a script that ran from one the policy blocked.
    const script = ['window.__testInitScriptsRan = true', ...this.initScripts].join(';\n');
    const hash = createHash('sha256').update(script).digest('base64');
    if (headers['content-security-policy']) headers['content-security-policy'] = headers['content-security-policy'].replace('script-src ', `script-src 'sha256-${hash}' `);
    const at = charset.index! + charset[0].length;
    return html.slice(0, at) + `<script>${script}</script>` + html.slice(at);
  }

  async fetchUpstream(incoming: IncomingMessage, address: string, unconditional = false) {
    const headers = new Headers();
    const conditional = unconditional ? ['if-none-match', 'if-modified-since', 'cache-control'] : [];
    for (const [name, value] of Object.entries(incoming.headers)) {
      // Node's fetch decodes what it receives, so it asks for nothing encoded.
      if (value === undefined || ['proxy-connection', 'connection', 'keep-alive', 'accept-encoding', 'host', ...conditional].includes(name)) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await fetch(address, { method: incoming.method, headers, redirect: 'manual' });
    return new FetchedResponse(response, Buffer.from(await response.arrayBuffer()));
  }

  async forward(incoming: IncomingMessage, outgoing: ServerResponse, request: ProxiedRequest, unconditional = false) {
    const response = await this.fetchUpstream(incoming, request.url(), unconditional);
    const headers = response.headers();
    delete headers['content-length'];
    delete headers['content-encoding'];
    delete headers['transfer-encoding'];
    delete headers['connection'];
    delete headers['keep-alive'];
    const body = this.withInitScripts(headers, await response.body());
    outgoing.writeHead(response.status(), headers);
    outgoing.end(body);
    this.emit('response', { url: () => request.url(), status: () => response.status(), request: () => request, finished: async () => null });
  }
}

/** Playwright's URL patterns: a RegExp, a glob (`**` any characters, `*` any but `/`), or a URL. */
function urlMatcher(pattern: string | RegExp, baseURL: string): (url: string) => boolean {
  if (pattern instanceof RegExp) return (url) => pattern.test(url);
  if (!pattern.includes('*')) {
    const exact = new URL(pattern, baseURL).href;
    return (url) => url === exact;
  }
  const source = pattern
    .split(/(\*\*\/?|\*)/)
    .map((part) => (part.startsWith('**') ? '(?:.*/)?' + (part.endsWith('/') ? '' : '.*') : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const glob = new RegExp(`^${source}$`);
  return (url) => glob.test(url);
}
