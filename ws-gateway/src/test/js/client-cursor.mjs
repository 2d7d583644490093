// The JS client library's cursor, without a gateway: frames are fed to it through a stand-in WebSocket (test:
// JsClientCursorTest). Prints one CHECK line per expectation, then RESULT.
import { createRequire } from 'node:module';
import { fail } from './lines.mjs';

const require = createRequire(import.meta.url);
const { TickStockClient } = require('../../main/resources/META-INF/resources/js/tickstock.js');

const sockets = [];
class StandIn {
  constructor(url) {
    this.url = url;
    this.sent = [];
    sockets.push(this);
  }

  send(text) {
    this.sent.push(JSON.parse(text));
  }

  close() {}

  frame(objects) {
    this.onmessage({ data: JSON.stringify(objects) });
  }
}

const cursorsSeenByTheApp = [];
const client = new TickStockClient({
  url: 'ws://stand-in/ws/v1',
  subscribe: ['*.AAPL'],
  WebSocket: StandIn,
  minReconnectDelayMs: 1,
  onEvent: () => cursorsSeenByTheApp.push(client.cursor),
});
client.connect();
const first = sockets[0];
first.frame([{ ev: 'status', status: 'connected', protocol: 'tickstock/1', auth: 'none' }]);
const check = (name, ok, detail) => {
  if (!ok) fail(name + ': ' + JSON.stringify(detail));
  console.log('CHECK ' + name);
};
check('a fresh client subscribes with a snapshot and no cursor',
  first.sent.length === 1 && first.sent[0].snapshot === true && first.sent[0].cursor === undefined, first.sent);

first.frame([{ ev: 'event', id: 'a' }, { ev: 'event', id: 'b' }, { ev: 'event', id: 'c', cursor: '3.0.0' }]);
check('the cursor moves only with the last event of a frame, after the application had it',
  client.cursor === '3.0.0' && JSON.stringify(cursorsSeenByTheApp) === JSON.stringify([null, null, null]),
  { cursor: client.cursor, cursorsSeenByTheApp });
first.frame([{ ev: 'event', id: 'd' }, { ev: 'event', id: 'e', cursor: '5.0.0' }]);
check('each frame moves it on', client.cursor === '5.0.0', client.cursor);

first.onclose({ code: 1012, reason: 'restart' });
await new Promise((resolve) => setTimeout(resolve, 50));
const second = sockets[1];
check('it reconnects after a 1012', second !== undefined, sockets.length);
second.frame([{ ev: 'status', status: 'connected', protocol: 'tickstock/1', auth: 'none' }]);
check('the subscribe carries the cursor and asks for no snapshot; no separate resume',
  second.sent.length === 1 && second.sent[0].action === 'subscribe' && second.sent[0].cursor === '5.0.0'
    && second.sent[0].snapshot === false, second.sent);
second.frame([{ ev: 'event', id: 'e' }, { ev: 'event', id: 'f', cursor: '6.0.0' },
  { ev: 'status', status: 'resumed', recovered: true }]);
check('a repeat is dropped, the resume counted', client.stats.duplicatesDropped === 1 && client.stats.resumes === 1
  && client.stats.events === 6, client.stats);
client.close();
console.log('RESULT ok');
process.exit(0);
