// Line protocol with the Java test that runs a script: it writes commands on stdin, reads results on stdout.
import readline from 'node:readline';

const input = readline.createInterface({ input: process.stdin });
const waiting = [];
const buffered = [];
input.on('line', (line) => (waiting.length ? waiting.shift()(line) : buffered.push(line)));

/** The next line the test sends. */
export function nextLine() {
  return buffered.length ? Promise.resolve(buffered.shift()) : new Promise((resolve) => waiting.push(resolve));
}

/** Resolves when `condition()` holds, checking every 20 ms; rejects after `ms`. */
export function until(condition, ms, what) {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() > deadline) return reject(new Error('timed out waiting for ' + what));
      setTimeout(check, 20);
    };
    check();
  });
}

export function fail(message) {
  console.error('FAILED: ' + message);
  process.exit(1);
}
