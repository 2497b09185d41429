import { DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { createClient, type Client } from 'graphql-ws';
import { AuthService } from '../auth/auth.service';
import { GraphQLRequestError, toErrorInfos } from './graphql-errors';

/** A generated operation: its text, typed by result and variables (codegen's documentMode "string"). */
export interface TypedDocument<TResult, TVariables> {
  toString(): string;
  readonly __apiType?: (variables: TVariables) => TResult;
}

/**
 * - connecting: the first connection is being opened
 * - online: the subscription socket is open; data is live
 * - reconnecting: the socket dropped; retrying (data shown may be stale)
 * - offline: several attempts failed or the browser is offline; cached data only
 */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** Where the API lives; the silo serves the app and the API from one origin. */
export const GRAPHQL_HTTP_URL = new InjectionToken<string>('GRAPHQL_HTTP_URL', {
  providedIn: 'root',
  factory: () => '/graphql',
});

/** Builds the graphql-ws client; tests replace it. */
export const GRAPHQL_WS_FACTORY = new InjectionToken<(options: WsOptions) => Pick<Client, 'subscribe' | 'dispose'>>(
  'GRAPHQL_WS_FACTORY',
  { providedIn: 'root', factory: () => (options: WsOptions) => createClient(options) },
);

export type WsOptions = Parameters<typeof createClient>[0];

/** Failed connection attempts after which the indicator says "offline" rather than "reconnecting". */
const ATTEMPTS_BEFORE_OFFLINE = 2;
/** Longest pause between reconnection attempts. */
const MAX_RETRY_WAIT_MS = 10_000;

export interface SubscriptionSink<T> {
  next(data: T): void;
  error?(error: GraphQLRequestError): void;
}

/**
 * The one way the app talks to the server: queries and mutations as GraphQL over HTTP (fetch), subscriptions over a
 * single graphql-transport-ws socket that reconnects forever with capped backoff. `state` drives the connection
 * indicator; `epoch` increases on every reconnection so stores refetch what they may have missed while away.
 */
@Injectable({ providedIn: 'root' })
export class GraphQLClient {
  private readonly httpUrl = inject(GRAPHQL_HTTP_URL);
  private readonly wsFactory = inject(GRAPHQL_WS_FACTORY);
  private readonly auth = inject(AuthService);
  private readonly connectionState = signal<ConnectionState>('connecting');
  private readonly browserOnline = signal(typeof navigator === 'undefined' ? true : navigator.onLine !== false);
  private readonly reconnections = signal(0);
  private failedAttempts = 0;
  private everConnected = false;
  private ws: Pick<Client, 'subscribe' | 'dispose'> | null = null;

  /** What the connection indicator shows. */
  readonly state = computed<ConnectionState>(() => (this.browserOnline() ? this.connectionState() : 'offline'));
  /** Increases each time the socket comes back after a loss; watch it to refetch. */
  readonly epoch = this.reconnections.asReadonly();

  constructor() {
    if (typeof window !== 'undefined') {
      const online = () => this.browserOnline.set(true);
      const offline = () => this.browserOnline.set(false);
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      inject(DestroyRef).onDestroy(() => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
        void this.ws?.dispose();
      });
    }
  }

  /** Runs a query or mutation; rejects with a GraphQLRequestError (never anything else). */
  async request<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
    const query = document.toString();
    let response: Response;
    try {
      response = await fetch(this.httpUrl, {
        method: 'POST',
        credentials: 'same-origin',
        // The session's CSRF token: the server refuses a POST of a session without it.
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...this.auth.csrfHeaders() },
        body: JSON.stringify({ query, variables: variables ?? {}, operationName: operationName(query) }),
      });
    } catch {
      throw new GraphQLRequestError('network', [{ message: 'The server cannot be reached.' }]);
    }
    const body = await readJson<{ data?: TResult | null; errors?: unknown }>(response);
    const errors = toErrorInfos(body?.errors);
    if (errors.length > 0) throw new GraphQLRequestError('graphql', errors, response.status);
    if (!response.ok || body?.data == null) {
      throw new GraphQLRequestError('http', [{ message: `HTTP ${response.status}` }], response.status);
    }
    return body.data;
  }

  /** Starts a subscription; returns the function that ends it. Resubscribes by itself after reconnects. */
  subscribe<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables: TVariables,
    sink: SubscriptionSink<TResult>,
  ): () => void {
    const query = document.toString();
    return this.socket().subscribe<TResult>(
      { query, variables: (variables ?? {}) as Record<string, unknown>, operationName: operationName(query) },
      {
        next: (message) => {
          const errors = toErrorInfos(message.errors);
          if (errors.length > 0) sink.error?.(new GraphQLRequestError('graphql', errors));
          else if (message.data != null) sink.next(message.data as TResult);
        },
        error: (error) => {
          // Socket-level failures are retried by the client; only operation errors end up here for good.
          sink.error?.(new GraphQLRequestError('graphql', Array.isArray(error) ? toErrorInfos(error) : [{ message: 'subscription failed' }]));
        },
        complete: () => undefined,
      },
    );
  }

  private socket(): Pick<Client, 'subscribe' | 'dispose'> {
    if (this.ws) return this.ws;
    this.ws = this.wsFactory({
      url: toWebSocketUrl(this.httpUrl),
      lazy: false,
      keepAlive: 10_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        const wait = Math.min(MAX_RETRY_WAIT_MS, 500 * 2 ** retries) * (0.75 + Math.random() / 2);
        await new Promise((resolve) => setTimeout(resolve, wait));
      },
      onNonLazyError: () => undefined,
      on: {
        connected: () => this.onConnected(),
        closed: () => this.onClosed(),
      },
    });
    return this.ws;
  }

  /** Opens the socket now (the app calls this at start so the indicator is meaningful before any subscription). */
  connect(): void {
    this.socket();
  }

  private onConnected(): void {
    this.failedAttempts = 0;
    this.connectionState.set('online');
    if (this.everConnected) this.reconnections.update((n) => n + 1);
    this.everConnected = true;
  }

  private onClosed(): void {
    this.failedAttempts++;
    this.connectionState.set(this.failedAttempts >= ATTEMPTS_BEFORE_OFFLINE ? 'offline' : 'reconnecting');
  }
}

/** The body as JSON, or null when it is not JSON (a proxy's error page, an empty answer). */
async function readJson<T>(response: Response): Promise<T | null> {
  try {
    return (await response.json()) as T;
  } catch {
    return null;
  }
}

/** The name of the first operation in a document ("query Jobs(...)" → "Jobs"). */
export function operationName(query: string): string | undefined {
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1];
}

/** "/graphql" on http://host:8085 → ws://host:8085/graphql; absolute http(s) URLs map to ws(s). */
export function toWebSocketUrl(httpUrl: string, base: string = typeof location === 'undefined' ? 'http://localhost/' : location.href): string {
  const url = new URL(httpUrl, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
