// Starts CongoDB (a MongoDB wire-protocol emulator) on 127.0.0.1:<port>, prints "listening <port>", and stops when
// stdin closes, so the server never outlives the test process that started it.
import { CongoServer } from '@push.rocks/smartmongo/dist_ts/congodb/index.js';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node congodb.mjs <port>');
  process.exit(2);
}
const server = new CongoServer({ port, host: '127.0.0.1' });
await server.start();
console.log(`listening ${port}`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
