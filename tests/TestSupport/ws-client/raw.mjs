// A raw WebSocket (npm ws) that breaks graphql-transport-ws on purpose, to check the server's close codes and the
// exact message sequence. Usage: node raw.mjs <scenario> <ws-url> [args...]; prints one JSON line, exits 0.
import WebSocket from 'ws';

const [scenario, url, ...args] = process.argv.slice(2);
const started = Date.now();
const messages = [];
const deadline = setTimeout(() => finish({ timedOut: true }), 15000);
let finished = false;

function finish(extra = {}) {
  if (finished) return;
  finished = true;
  clearTimeout(deadline);
  const result = { messages, elapsedMs: Date.now() - started, ...extra };
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0));
}

const protocols = { 'wrong-subprotocol': ['graphql-ws'], 'no-subprotocol': [] }[scenario] ?? ['graphql-transport-ws'];
const headers = args[0] && scenario === 'origin' ? { Origin: args[0] } : {};
const ws = new WebSocket(url, protocols, { headers });
const send = (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message));
const init = () => send({ type: 'connection_init' });
const ticks = (id, topic) => ({ id, type: 'subscribe', payload: { query: 'subscription ($t: String!) { ticks(topic: $t) }', variables: { t: topic } } });

const invalid = {
  'unknown-type': { type: 'bogus' },
  'not-json': '{ this is not json',
  'server-type': { type: 'next', id: '1', payload: {} },
  'subscribe-without-query': { type: 'subscribe', id: '1', payload: {} },
  'subscribe-without-id': { type: 'subscribe', payload: { query: '{ hello }' } },
};

const plans = {
  'init-timeout': { open() {} },
  'duplicate-init': { open() { init(); init(); } },
  'subscribe-before-ack': { open() { send(ticks('1', 'never')); } },
  'duplicate-id': {
    open: init,
    message(m) { if (m.type === 'connection_ack') { send(ticks(args[0], 'dup')); send(ticks(args[0], 'dup')); } },
  },
  'invalid-message': {
    open: init,
    message(m) { if (m.type === 'connection_ack') send(invalid[args[0]]); },
  },
  // After the error, a ping: its pong arrives after anything the server queued for the failed operation, so a
  // `complete` sent after the error would show up before the pong.
  'error-no-complete': {
    open: init,
    message(m) {
      if (m.type === 'connection_ack') send({ id: 'e1', type: 'subscribe', payload: { query: 'subscription { nope }' } });
      if (m.type === 'error') send({ type: 'ping', payload: { probe: true } });
      if (m.type === 'pong') ws.close(1000);
    },
  },
  // A message longer than GRAPHQL_MAX_REQUEST_BYTES (256 KiB by default).
  'too-big': {
    open: init,
    message(m) { if (m.type === 'connection_ack') send({ id: 'big', type: 'subscribe', payload: { query: `{ hello } # ${'x'.repeat(300 * 1024)}` } }); },
  },
  // Subscribes and holds the socket until the server closes it (shutdown test).
  hold: {
    open: init,
    message(m) { if (m.type === 'connection_ack') send(ticks('h1', args[0])); },
  },
  'wrong-subprotocol': { open() {} },
  'no-subprotocol': { open() {} },
  // Connects with an Origin header and reports whether the upgrade succeeded.
  origin: { open() { finish({ opened: true, protocol: ws.protocol }); ws.close(1000); } },
};

const plan = plans[scenario];
ws.on('open', () => plan.open());
ws.on('message', (data) => {
  let message;
  try { message = JSON.parse(data.toString()); } catch { message = { unparsable: data.toString() }; }
  messages.push(message);
  plan.message?.(message);
});
ws.on('close', (code, reason) => finish({ close: { code, reason: reason.toString() }, protocol: ws.protocol }));
ws.on('unexpected-response', (_request, response) => finish({ httpStatus: response.statusCode }));
ws.on('error', (error) => finish({ error: String(error) }));
