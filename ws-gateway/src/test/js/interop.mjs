// Speaks the v1 protocol with the npm `ws` client, which nobody here wrote (test: NodeInteropTest).
import WebSocket from 'ws';
import { until, fail } from './lines.mjs';

const [url, symbol, count] = process.argv.slice(2);
const objects = [];
const frameCursors = [];
let binaryFrames = 0;
let pongFrames = 0;
let closeCode = null;
const ws = new WebSocket(url);
ws.on('message', (data, isBinary) => {
  if (isBinary) binaryFrames++;
  const frame = JSON.parse(data.toString());
  if (!Array.isArray(frame)) fail('a server frame is not a JSON array: ' + data);
  frame.forEach((object) => objects.push(object));
  // the cursor travels once per frame, on its last event
  const events = frame.filter((o) => o.ev === 'event');
  if (events.length > 0) {
    if (events.slice(0, -1).some((e) => e.cursor !== undefined)) fail('a cursor before the last event: ' + data);
    frameCursors.push(events[events.length - 1].cursor);
  }
});
ws.on('pong', () => pongFrames++);
ws.on('close', (code) => { closeCode = code; });
ws.on('error', (error) => fail(error.message));

const seen = (predicate) => objects.some(predicate);
try {
  await until(() => seen((o) => o.ev === 'status' && o.status === 'connected'), 30000, 'connected');
  ws.send(JSON.stringify({ action: 'subscribe', params: 'high.' + symbol + ',low.' + symbol }));
  await until(() => seen((o) => o.status === 'subscribed'), 30000, 'subscribed');
  console.log('READY');
  await until(() => objects.filter((o) => o.ev === 'event').length >= Number(count), 60000, count + ' events');
  ws.send(JSON.stringify({ action: 'ping' }));
  await until(() => seen((o) => o.ev === 'pong'), 30000, 'pong');
  ws.ping();
  await until(() => pongFrames > 0, 30000, 'a WebSocket pong frame');
  ws.send('{"action":');
  await until(() => seen((o) => o.ev === 'error' && o.code === 400), 30000, 'error 400');
  ws.close(1000, 'done');
  await until(() => closeCode !== null, 30000, 'close');
  const events = objects.filter((o) => o.ev === 'event');
  console.log('RESULT ' + JSON.stringify({ ids: events.map((e) => e.id), frameCursors, types: events.map((e) => e.type),
    binaryFrames, closeCode }));
  process.exit(0);
} catch (error) {
  fail(error.message + '; received: ' + JSON.stringify(objects));
}
