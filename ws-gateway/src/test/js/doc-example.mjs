// Runs the JavaScript example of docs/protocol.md as a page would, with `ws` as the WebSocket and the library
// loaded as window.TickStock (test: ProtocolDocTest).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

const require = createRequire(import.meta.url);
const [example, url] = process.argv.slice(2);
globalThis.WebSocket = WebSocket;
globalThis.TickStock = require('../../main/resources/META-INF/resources/js/tickstock.js');
const code = readFileSync(example, 'utf8').replace('ws://localhost:8080/ws/v1', url);
new Function(code)();
