/*
 * TickStock Streams client for the v1 WebSocket protocol (docs/protocol.md): auth, subscribe, and reconnect with
 * resume, so an application sees every event once even across dropped connections and gateway restarts.
 * No dependencies, no build step. Browsers: <script src="/js/tickstock.js"> gives window.TickStock. Node.js:
 * require('.../tickstock.js') with options.WebSocket = require('ws').
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.TickStock = factory();
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const NORMAL = 1000;
  const AUTH_FAILED = 4402;
  const NO_FRAME_FOR_MS = 45000; // three missed heartbeats: the connection is dead even if TCP says nothing

  /** The ids of the last `size` events: drops a repeat the gateway could not know about (see docs/protocol.md). */
  class RecentIds {
    constructor(size) {
      this.size = size;
      this.ids = new Set();
      this.order = [];
    }

    /** True when `id` was not seen yet (and remembers it). */
    add(id) {
      if (this.ids.has(id)) return false;
      this.ids.add(id);
      this.order.push(id);
      if (this.order.length > this.size) this.ids.delete(this.order.shift());
      return true;
    }
  }

  class TickStockClient {
    /**
     * options: url (ws://host:8080/ws/v1), token (string, or a function returning one or a Promise of one; needed
     * when the gateway says auth is required), subscribe (array of TYPE.SYMBOL patterns), cursor (resume from here
     * on the first connect, e.g. one saved before a page reload), onEvent(event), onStatus(status), onError(error),
     * onState(text), WebSocket (implementation; default the global one), minReconnectDelayMs (500),
     * maxReconnectDelayMs (10000), rememberIds (10000).
     */
    constructor(options) {
      this.url = options.url;
      this.token = options.token;
      this.patterns = new Set(options.subscribe || []);
      this.cursor = options.cursor || null;
      this.onEvent = options.onEvent || function () {};
      this.onStatus = options.onStatus || function () {};
      this.onError = options.onError || function () {};
      this.onState = options.onState || function () {};
      this.WebSocketImpl = options.WebSocket || root().WebSocket;
      this.minDelay = options.minReconnectDelayMs || 500;
      this.maxDelay = options.maxReconnectDelayMs || 10000;
      this.seen = new RecentIds(options.rememberIds || 10000);
      this.stats = { events: 0, duplicatesDropped: 0, reconnects: 0, resumes: 0 };
      this.socket = null;
      this.ready = false;
      this.stopped = true;
      this.attempt = 0;
      this.lastFrameAt = 0;
      this.watchdog = null;
      this.retry = null;
    }

    /** Opens the connection; it is reopened after every loss until close(). */
    connect() {
      this.stopped = false;
      this.open();
      if (!this.watchdog) {
        this.watchdog = setInterval(() => this.checkAlive(), 5000);
        if (this.watchdog.unref) this.watchdog.unref();
      }
      return this;
    }

    /** Adds patterns (array or comma-separated string). */
    subscribe(patterns) {
      const added = list(patterns);
      added.forEach((p) => this.patterns.add(p));
      if (this.ready && added.length) this.send({ action: 'subscribe', params: added.join(',') });
    }

    unsubscribe(patterns) {
      const removed = list(patterns);
      removed.forEach((p) => this.patterns.delete(p));
      if (this.ready && removed.length) this.send({ action: 'unsubscribe', params: removed.join(',') });
    }

    /** Closes for good (no reconnect). */
    close() {
      this.stopped = true;
      clearInterval(this.watchdog);
      clearTimeout(this.retry);
      this.watchdog = null;
      if (this.socket) this.socket.close(NORMAL);
    }

    open() {
      this.ready = false;
      const socket = new this.WebSocketImpl(this.url);
      this.socket = socket;
      this.lastFrameAt = Date.now();
      this.onState('connecting');
      socket.onmessage = (message) => {
        if (socket !== this.socket) return;
        this.lastFrameAt = Date.now();
        JSON.parse(message.data).forEach((object) => this.handle(object));
      };
      socket.onclose = (closing) => {
        if (socket === this.socket) this.lost(closing.code, closing.reason);
      };
      socket.onerror = () => {}; // a close follows every error
    }

    handle(object) {
      switch (object.ev) {
        case 'event':
          this.deliver(object);
          break;
        case 'status':
          this.status(object);
          break;
        case 'error':
          this.onError(object);
          break;
        default: // heartbeat, pong: lastFrameAt is all they are for
      }
    }

    status(status) {
      if (status.status === 'connected') {
        if (status.auth === 'required') {
          this.authenticate();
        } else {
          this.start();
        }
      } else if (status.status === 'auth_success') {
        this.start();
      } else if (status.status === 'resumed') {
        this.stats.resumes++;
      }
      this.onStatus(status);
    }

    async authenticate() {
      const token = typeof this.token === 'function' ? await this.token() : this.token;
      this.send({ action: 'auth', params: token || '' });
    }

    /**
     * Subscribes; with a cursor, the subscribe carries it (the gateway resumes from it before sending anything) and
     * asks for no snapshot (we have that state).
     */
    start() {
      this.ready = true;
      this.attempt = 0;
      this.onState('connected');
      if (this.patterns.size === 0) return;
      const request = { action: 'subscribe', params: Array.from(this.patterns).join(','), snapshot: true };
      if (this.cursor !== null) {
        request.snapshot = false;
        request.cursor = this.cursor;
      }
      this.send(request);
    }

    deliver(event) {
      if (this.seen.add(event.id)) {
        this.stats.events++;
        this.onEvent(event);
      } else {
        this.stats.duplicatesDropped++;
      }
      // the last event of a frame carries the cursor, and the application has had the whole frame by then: a
      // reconnect resumes behind it, never before it
      if (event.cursor) this.cursor = event.cursor;
    }

    lost(code, reason) {
      this.ready = false;
      this.socket = null;
      if (this.stopped) {
        this.onState('closed');
        return;
      }
      if (code === AUTH_FAILED && typeof this.token !== 'function') {
        this.stopped = true;
        this.onState('auth failed: ' + reason);
        return;
      }
      const delay = code === 1012 ? this.minDelay
        : Math.min(this.maxDelay, this.minDelay * Math.pow(2, this.attempt)) * (0.5 + Math.random() / 2);
      this.attempt++;
      this.stats.reconnects++;
      this.onState('reconnecting in ' + Math.round(delay) + ' ms (closed ' + code + ')');
      this.retry = setTimeout(() => {
        if (!this.stopped) this.open();
      }, delay);
    }

    checkAlive() {
      if (this.socket && Date.now() - this.lastFrameAt > NO_FRAME_FOR_MS) {
        const dead = this.socket;
        this.lost(4000, 'no frame for ' + NO_FRAME_FOR_MS + ' ms');
        dead.close();
      }
    }

    send(request) {
      if (this.socket) this.socket.send(JSON.stringify(request));
    }
  }

  function list(patterns) {
    return (Array.isArray(patterns) ? patterns : String(patterns).split(','))
      .map((p) => p.trim()).filter((p) => p.length > 0);
  }

  function root() {
    return typeof globalThis !== 'undefined' ? globalThis : self;
  }

  return { TickStockClient, RecentIds };
}));
