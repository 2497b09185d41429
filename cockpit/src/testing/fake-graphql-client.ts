import { signal } from '@angular/core';
import type { ConnectionState, SubscriptionSink, TypedDocument } from '../app/core/graphql/graphql-client';
import { GraphQLClient, operationName } from '../app/core/graphql/graphql-client';
import { GraphQLRequestError } from '../app/core/graphql/graphql-errors';

type Handler = (variables: Record<string, unknown>) => unknown;

/**
 * Stands in for the server in component and store tests: answers operations by name with handlers the test sets,
 * records every request, and lets the test push subscription events. The real client is tested on its own against
 * a stubbed fetch and WebSocket client, and end to end against the real silo.
 */
export class FakeGraphQLClient {
  readonly state = signal<ConnectionState>('online');
  readonly epoch = signal(0);
  readonly requests: { operation: string; variables: Record<string, unknown> }[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly sinks: { operation: string; variables: Record<string, unknown>; sink: SubscriptionSink<unknown>; closed: boolean }[] = [];

  on(operation: string, handler: Handler): this {
    this.handlers.set(operation, handler);
    return this;
  }

  async request<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
    const operation = operationName(document.toString()) ?? '?';
    const vars = (variables ?? {}) as Record<string, unknown>;
    this.requests.push({ operation, variables: vars });
    const handler = this.handlers.get(operation);
    if (!handler) throw new GraphQLRequestError('network', [{ message: `no handler for ${operation}` }]);
    return (await handler(vars)) as TResult;
  }

  subscribe<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, variables: TVariables, sink: SubscriptionSink<TResult>): () => void {
    const entry = { operation: operationName(document.toString()) ?? '?', variables: (variables ?? {}) as Record<string, unknown>, sink: sink as SubscriptionSink<unknown>, closed: false };
    this.sinks.push(entry);
    return () => {
      entry.closed = true;
    };
  }

  connect(): void {
    // nothing to open
  }

  /** Delivers a subscription event to every open subscription of that operation. */
  emit(operation: string, data: unknown): void {
    for (const s of this.sinks) if (s.operation === operation && !s.closed) s.sink.next(data);
  }

  openSubscriptions(operation: string): number {
    return this.sinks.filter((s) => s.operation === operation && !s.closed).length;
  }

  count(operation: string): number {
    return this.requests.filter((r) => r.operation === operation).length;
  }
}

export function provideFakeGraphQL(fake: FakeGraphQLClient) {
  return { provide: GraphQLClient, useValue: fake };
}

/** Lets pending promises and signal effects run. */
export async function settle(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
