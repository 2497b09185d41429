// The reference graphql-ws client (createClient) in the flows a cockpit page uses, driven by tests/GraphQL.Tests.
// Usage: node client.mjs <scenario> <ws-url> [args...]; prints one JSON line with what happened, exits 0.
// A self-imposed deadline keeps a broken server from hanging the test run.
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const [scenario, url, ...args] = process.argv.slice(2);
const deadline = setTimeout(() => finish({ timedOut: true }, 2), 15000);

function finish(result, exitCode = 0) {
  clearTimeout(deadline);
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(exitCode));
}

function connect(options = {}) {
  return createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, ...options });
}

// One operation to its end: every `next` payload, then complete or the error the client was given.
function run(client, payload, onNext = () => {}) {
  return new Promise((resolve) => {
    const nexts = [];
    let dispose = () => {};
    dispose = client.subscribe(payload, {
      next: (value) => { nexts.push(value); onNext(value, nexts, () => { dispose(); resolve({ nexts, disposed: true }); }); },
      error: (error) => resolve({ nexts, error: serializeError(error) }),
      complete: () => resolve({ nexts, completed: true }),
    });
  });
}

function serializeError(error) {
  if (Array.isArray(error)) return { isArray: true, items: error };
  if (error && typeof error === 'object' && 'code' in error) return { closeCode: error.code, reason: error.reason };
  return { message: String(error) };
}

async function subscribers(client, topic) {
  const result = await run(client, { query: 'query ($t: String!) { subscribers(topic: $t) }', variables: { t: topic } });
  return result.nexts[0]?.data?.subscribers;
}

// Polls the server (over the same socket) until the topic has `count` subscribers; bounded by `ms`.
async function waitForSubscribers(client, topic, count, ms = 5000) {
  const until = Date.now() + ms;
  let seen;
  while (Date.now() < until) {
    seen = await subscribers(client, topic);
    if (seen === count) return seen;
    await new Promise((r) => setTimeout(r, 25));
  }
  return seen;
}

const ticks = (topic) => ({ query: 'subscription ($t: String!) { ticks(topic: $t) }', variables: { t: topic } });
const publish = (topic, value) => ({ query: 'mutation ($t: String!, $v: Int!) { publish(topic: $t, value: $v) }', variables: { t: topic, v: value } });

const scenarios = {
  // Subscribe and report every event until the server completes the stream (the test publishes and completes).
  async subscribe() {
    const client = connect();
    const result = await run(client, ticks(args[0]));
    await client.dispose();
    return result;
  },

  // Queries and mutations travel over the socket too: one next, then complete.
  async 'query-mutation'() {
    const client = connect();
    const query = await run(client, { query: 'query ($n: String) { hello(name: $n) }', variables: { n: 'ws' } });
    const mutation = await run(client, { query: 'mutation { increment }' });
    await client.dispose();
    return { query, mutation };
  },

  // An invalid subscription: the client gets an error array and no complete.
  async 'invalid-subscription'() {
    const client = connect();
    const result = await run(client, { query: 'subscription { nope }' });
    await client.dispose();
    return result;
  },

  // The source stream cannot be created: error array, no complete.
  async 'failing-source'() {
    const client = connect();
    const result = await run(client, { query: 'subscription { failingSource }' });
    await client.dispose();
    return result;
  },

  // Client-initiated complete: after the first event the client unsubscribes; the server must drop its subscriber
  // while the socket stays open (the poll runs over the same socket).
  async 'client-complete'() {
    const client = connect();
    const topic = args[0];
    const first = await run(client, ticks(topic), (_value, _nexts, stop) => stop());
    const subscribersAfter = await waitForSubscribers(client, topic, 0);
    await client.dispose();
    return { first, subscribersAfter };
  },

  // Reusing an id right after completing it: the old operation's late cleanup must not remove the new one.
  async 'id-reuse'() {
    const client = connect({ generateID: () => 'reused-id' });
    const topic = args[0];
    const first = await run(client, ticks(topic), (_v, _n, stop) => stop());
    // Same id again at once: the subscribe follows the client's complete on the wire.
    const second = await run(client, ticks(topic), async (value, nexts, stop) => {
      if (nexts.length === 1) {
        // The first event is the topic's replay; a fresh one proves the second subscription is the live one.
        await waitForSubscribersOnOtherClient(topic, 1);
        await runOnOtherClient(publish(topic, 42));
      } else {
        stop();
      }
    });
    const query = await run(client, { query: '{ hello }' });
    await client.dispose();
    return { first, second, query };
  },

  // Two operations on one socket: each resolves in a DI scope of its own.
  async 'scope-ids'() {
    const client = connect();
    const ids = [];
    for (let i = 0; i < 2; i++) {
      const result = await run(client, { query: 'subscription { scopeIds }' });
      ids.push(result.nexts[0]?.data?.scopeIds);
    }
    await client.dispose();
    return { ids };
  },

  // connection_init with a payload (connectionParams): the server's hook decides, its ack payload comes back, and
  // operations run as the user it chose.
  async 'init-payload'() {
    let ackPayload = null;
    const client = connect({ connectionParams: { token: args[0] }, on: { connected: (_socket, payload) => { ackPayload = payload ?? null; } } });
    const me = await run(client, { query: '{ me }' });
    await client.dispose();
    return { ackPayload, me };
  },

  // Ping/pong both ways: the client pings (keepAlive) and expects pongs; the server pings and gets pongs.
  async 'ping-pong'() {
    let pongReceived = false;
    let pingReceived = false;
    let client;
    await new Promise((resolve) => {
      const check = () => { if (pongReceived && pingReceived) resolve(); };
      client = connect({
        keepAlive: 100,
        on: {
          pong: (received) => { if (received) { pongReceived = true; check(); } },
          ping: (received) => { if (received) { pingReceived = true; check(); } },
        },
      });
    });
    await client.dispose();
    return { pongReceived, pingReceived };
  },
};

// A second connection for side actions, so they never share the id that is being reused.
let other;
function otherClient() { other ??= connect(); return other; }
async function runOnOtherClient(payload) { return run(otherClient(), payload); }
async function waitForSubscribersOnOtherClient(topic, count) { return waitForSubscribers(otherClient(), topic, count); }

try {
  const result = await scenarios[scenario]();
  if (other) await other.dispose();
  finish(result);
} catch (error) {
  finish({ failed: String(error?.stack ?? error) }, 1);
}
