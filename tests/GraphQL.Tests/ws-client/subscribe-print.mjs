// Subscribes with the reference graphql-ws client (createClient) and prints what arrives, one JSON line each, for
// tests that read the lines as they come (tests/EndToEnd.Tests/GraphQLSubscriber.cs).
// Usage: node subscribe-print.mjs <ws-url> '<json: [{"label", "query", "variables"?}, ...]>' [max-seconds]
// Lines: {"connected":true} once the server acknowledged the connection; then per operation {"label","next"},
// {"label","error"} or {"label","complete":true}; {"closed":code} if the socket closes. Exits when stdin closes
// (the test is done) or after max-seconds (default 120), so a broken run never leaves a process behind.
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const [url, spec, maxSeconds = '120'] = process.argv.slice(2);
const operations = JSON.parse(spec);
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
    next: (value) => print({ label, next: value }),
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
