// Loaded (node --import) into every server process the tests start. The tests stop their servers
// themselves; this covers the case where nobody is left to do it: when the process that started
// the server is gone (a test runner killed by a timeout, say), the server ends instead of
// listening on for ever with a temporary data folder.
import process from 'node:process';
import { setInterval } from 'node:timers';

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(70);
}, 500).unref();
