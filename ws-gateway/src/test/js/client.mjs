// Runs the JS client library (/js/tickstock.js) in Node with `ws`, and cuts its connection on command, to show
// it reconnects and resumes without losing or repeating an event (test: JsClientTest).
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import { nextLine } from './lines.mjs';

const require = createRequire(import.meta.url);
const { TickStockClient } = require('../../main/resources/META-INF/resources/js/tickstock.js');
const [url, patterns, token] = process.argv.slice(2);

const client = new TickStockClient({
  url,
  token,
  subscribe: patterns.split(','),
  WebSocket,
  minReconnectDelayMs: 200,
  onEvent: (event) => console.log('EVENT ' + event.id),
  onStatus: (status) => console.log('STATUS ' + JSON.stringify(status)),
  onError: (error) => console.log('ERROR ' + JSON.stringify(error)),
}).connect();

for (;;) {
  const command = await nextLine();
  if (command === 'DROP') {
    client.socket.terminate(); // the network goes away: no close handshake
    console.log('DROPPED');
  } else if (command === 'DONE') {
    console.log('RESULT ' + JSON.stringify(client.stats));
    client.close();
    process.exit(0);
  }
}
