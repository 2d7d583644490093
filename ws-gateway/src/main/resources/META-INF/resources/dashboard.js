/* The live dashboard: the TickStock client library subscribed to the patterns above, numbers computed from what
   arrives, the gateway's own numbers from /api/stats. No framework, no build step. */
(function () {
  'use strict';

  const MAX_ROWS = 200;
  const LATENCY_SAMPLES = 1000;
  const RATE_WINDOW_MS = 10000;
  const TYPES = ['high', 'low', 'surge', 'trend', 'volume_spike', 'breakout', 'breakdown', 'high_close',
    'low_close', 'fmv_deviation'];

  const $ = (id) => document.getElementById(id);
  const arrivals = { tick: [], ohlcv: [], fmv: [] };
  const latencies = [];
  let total = 0;
  let subscribed = $('patterns').value.split(',').map((p) => p.trim()).filter((p) => p);

  TYPES.forEach((type) => {
    const option = document.createElement('option');
    option.textContent = type;
    $('filter-type').appendChild(option);
  });

  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const client = new TickStock.TickStockClient({
    url: scheme + '://' + location.host + '/ws/v1',
    token: () => {
      const token = sessionStorage.getItem('tickstock-token') || window.prompt('API key or token for this gateway');
      sessionStorage.setItem('tickstock-token', token || '');
      return token;
    },
    subscribe: subscribed,
    onEvent: show,
    onStatus: (status) => {
      if (status.status === 'subscribed') setState('subscribed to ' + status.subscriptions.join(', '), true);
      if (status.status === 'resumed') setState('resumed' + (status.recovered ? '' : ' (gap: cursor too old)'), true);
      if (status.status === 'slow') setState('too slow: ' + status.shed + ' shed, ' + status.conflated + ' conflated', false);
    },
    onError: (error) => setState('error ' + error.code + ': ' + error.message, false),
    onState: (text) => setState(text, text === 'connected'),
  }).connect();

  function setState(text, up) {
    const state = $('state');
    state.textContent = text;
    state.className = up ? 'up' : 'down';
  }

  function show(event) {
    const now = Date.now();
    total++;
    // a snapshot event is the latest of its kind, however old: it says nothing about rates or latency now
    const live = !event.snapshot;
    if (live) (arrivals[event.channel] || []).push(now);
    if (live && event.source && event.source.ingestTs) {
      latencies.push(now - event.source.ingestTs);
      if (latencies.length > LATENCY_SAMPLES) latencies.shift();
    }
    if (!passes(event)) return;
    const row = document.createElement('tr');
    row.className = 'event';
    row.dataset.id = event.id;
    row.dataset.symbol = event.symbol;
    const cells = [new Date(event.eventTime).toISOString().substring(11, 23), event.symbol, event.type,
      event.direction || '', event.price, 'P' + event.priority, event.channel,
      live ? (event.source ? now - event.source.ingestTs : '') : 'snapshot'];
    cells.forEach((value, i) => {
      const cell = document.createElement('td');
      cell.textContent = value;
      if (i === 3) cell.className = value === 'up' || value === 'undervalued' ? 'up' : 'down';
      row.appendChild(cell);
    });
    const body = $('events');
    body.insertBefore(row, body.firstChild);
    while (body.children.length > MAX_ROWS) body.removeChild(body.lastChild);
  }

  function passes(event) {
    const symbol = $('filter-symbol').value.trim().toUpperCase();
    return (!symbol || event.symbol.indexOf(symbol) === 0)
      && (!$('filter-type').value || event.type === $('filter-type').value)
      && (!$('filter-channel').value || event.channel === $('filter-channel').value)
      && event.priority <= Number($('filter-priority').value);
  }

  function percentile(sorted, p) {
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }

  function refresh() {
    const now = Date.now();
    Object.keys(arrivals).forEach((channel) => {
      const times = arrivals[channel];
      while (times.length && now - times[0] > RATE_WINDOW_MS) times.shift();
      $('rate-' + channel).textContent = (times.length / (RATE_WINDOW_MS / 1000)).toFixed(1);
    });
    $('total').textContent = total;
    if (latencies.length) {
      const sorted = latencies.slice().sort((a, b) => a - b);
      $('p50').textContent = percentile(sorted, 0.5) + ' ms';
      $('p95').textContent = percentile(sorted, 0.95) + ' ms';
      $('p99').textContent = percentile(sorted, 0.99) + ' ms';
    }
  }

  function stats() {
    fetch('/api/stats').then((r) => r.json()).then((s) => {
      $('clients').textContent = s.clients;
      $('lag').textContent = s.consumerLag;
    }).catch(() => { $('clients').textContent = '–'; });
  }

  $('subscribe').onsubmit = (e) => {
    e.preventDefault();
    const next = $('patterns').value.split(',').map((p) => p.trim()).filter((p) => p);
    client.unsubscribe(subscribed);
    client.subscribe(next);
    subscribed = next;
  };

  setInterval(refresh, 500);
  setInterval(stats, 2000);
  stats();
}());
