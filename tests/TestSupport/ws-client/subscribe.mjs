// Subscribes with the reference graphql-ws client (createClient) and prints each message as one JSON line, stamped
// with the wall-clock time (ms since the epoch, sub-millisecond) at which it arrived, so that the benchmark measures
// latency up to the subscriber and not up to its own pipe reader. Driven by tests/TestSupport/GraphQLSubscriber.cs,
// the one subscriber of the end-to-end tests and the benchmark.
// Usage: node subscribe.mjs <ws-url> '<json: [{"label", "query", "variables"?}, ...]>' [max-seconds]
// Lines: {"connected":true} once the server acknowledged the connection; {"label","next","at"}; {"label","error"}; {"label","complete":true}; {"closed":code}.
// Exits when stdin closes or after max-seconds (default 600), so a broken run never leaves a process behind.
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const [url, spec, maxSeconds = '600'] = process.argv.slice(2);
const operations = JSON.parse(spec);
const now = () => performance.timeOrigin + performance.now();
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  lazy: false,
  retryAttempts: 0,
  on: {
    connected: () => print({ connected: true }),
    closed: (event) => print({ closed: event?.code ?? null }),
  },
});

for (const { label, query, variables } of operations) {
  client.subscribe({ query, variables }, {
    next: (value) => print({ label, next: value, at: now() }),
    error: (error) => print({ label, error: Array.isArray(error) ? error : String(error?.reason ?? error) }),
    complete: () => print({ label, complete: true }),
  });
}

async function stop() {
  await client.dispose();
  process.exit(0);
}

process.stdin.on('end', stop);
process.stdin.resume();
setTimeout(stop, Number(maxSeconds) * 1000).unref();
