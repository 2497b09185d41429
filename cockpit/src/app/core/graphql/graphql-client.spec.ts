import { TestBed } from '@angular/core/testing';
import { AgentsDocument, CancelJobDocument, JobsChangedDocument } from './generated';
import { GRAPHQL_WS_FACTORY, GraphQLClient, type WsOptions, operationName, toWebSocketUrl } from './graphql-client';
import { GraphQLRequestError } from './graphql-errors';

/** A stand-in for graphql-ws's client that lets the test play the socket's events. */
class FakeSocket {
  options!: WsOptions;
  readonly subscriptions: { payload: { query: string; operationName?: string }; sink: { next: (v: unknown) => void } }[] = [];
  subscribe(payload: { query: string }, sink: { next: (v: unknown) => void }) {
    this.subscriptions.push({ payload, sink });
    return () => undefined;
  }
  dispose() {
    return undefined;
  }
  connected() {
    (this.options.on?.connected as (() => void) | undefined)?.();
  }
  closed() {
    (this.options.on?.closed as (() => void) | undefined)?.();
  }
}

describe('GraphQLClient', () => {
  let socket: FakeSocket;
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    socket = new FakeSocket();
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    TestBed.configureTestingModule({
      providers: [{ provide: GRAPHQL_WS_FACTORY, useValue: (options: WsOptions) => Object.assign(socket, { options }) }],
    });
  });

  afterEach(() => vi.unstubAllGlobals());

  const respond = (status: number, body: unknown) =>
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

  it('posts the operation with its name and variables and returns data', async () => {
    respond(200, { data: { agents: [] } });
    const data = await TestBed.inject(GraphQLClient).request(AgentsDocument, {});
    expect(data).toEqual({ agents: [] });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/graphql');
    expect(JSON.parse(init.body)).toMatchObject({ operationName: 'Agents', variables: {} });
  });

  it('sends the session’s CSRF token with every request, so a session’s mutations are not refused', async () => {
    document.cookie = 'cockpit_csrf=from-cookie; path=/';
    respond(200, { data: { cancelJob: null } });
    await TestBed.inject(GraphQLClient).request(CancelJobDocument, { jobId: 'x' }).catch(() => undefined);
    const [, init] = fetchMock.mock.calls[0];
    expect(init.headers).toMatchObject({ 'X-CSRF-Token': 'from-cookie' });
    document.cookie = 'cockpit_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('turns GraphQL errors into a GraphQLRequestError with code and field', async () => {
    respond(200, { data: null, errors: [{ message: 'job is finished', extensions: { code: 'CONFLICT' } }] });
    const error = await TestBed.inject(GraphQLClient).request(CancelJobDocument, { jobId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).code).toBe('CONFLICT');
  });

  it('reports an unreachable server as a network error, never a raw exception', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const error = await TestBed.inject(GraphQLClient).request(AgentsDocument, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network' });
  });

  it('reports a non-JSON error page as an HTTP error', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>bad gateway</html>', { status: 502 }));
    const error = await TestBed.inject(GraphQLClient).request(AgentsDocument, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'http', status: 502 });
  });

  it('tracks the socket: connecting, online, reconnecting, offline after repeated failures, and counts reconnections', () => {
    const client = TestBed.inject(GraphQLClient);
    client.connect();
    expect(client.state()).toBe('connecting');
    expect(socket.options.retryAttempts).toBe(Number.POSITIVE_INFINITY);
    socket.connected();
    expect(client.state()).toBe('online');
    expect(client.epoch()).toBe(0);
    socket.closed();
    expect(client.state()).toBe('reconnecting');
    socket.closed();
    expect(client.state()).toBe('offline');
    socket.connected();
    expect(client.state()).toBe('online');
    expect(client.epoch()).toBe(1);
  });

  it('says offline when the browser goes offline', () => {
    const client = TestBed.inject(GraphQLClient);
    client.connect();
    socket.connected();
    window.dispatchEvent(new Event('offline'));
    expect(client.state()).toBe('offline');
    window.dispatchEvent(new Event('online'));
    expect(client.state()).toBe('online');
  });

  it('subscribes over the socket and delivers data', () => {
    const client = TestBed.inject(GraphQLClient);
    const seen: unknown[] = [];
    client.subscribe(JobsChangedDocument, {}, { next: (d) => seen.push(d) });
    expect(socket.subscriptions[0].payload.operationName).toBe('JobsChanged');
    socket.subscriptions[0].sink.next({ data: { jobChanged: { id: '1' } } });
    expect(seen).toEqual([{ jobChanged: { id: '1' } }]);
  });
});

describe('GraphQL helpers', () => {
  it('finds the operation name', () => {
    expect(operationName('query Jobs($a: Int) { jobs { totalCount } }')).toBe('Jobs');
    expect(operationName('fragment F on Job { id }\nsubscription S { x }')).toBe('S');
  });

  it('maps the HTTP endpoint to its WebSocket URL', () => {
    expect(toWebSocketUrl('/graphql', 'http://host:8085/jobs/1')).toBe('ws://host:8085/graphql');
    expect(toWebSocketUrl('/graphql', 'https://host/')).toBe('wss://host/graphql');
  });
});
