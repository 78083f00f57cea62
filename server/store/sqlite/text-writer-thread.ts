import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { UpdateToAppend } from '../store.js';
import { SqliteTextAppends } from './sqlite-text-appends.js';
import { CallGate, type TextWriterReply, type TextWriterRequest, type TextWriterSettings } from './text-writer.js';

// The text writer's thread (see TextWriter): its own connection to the store's file, on which
// it appends text updates one batch after the other, in the order they were sent.
const settings = workerData as TextWriterSettings;
const port = parentPort;
if (!port) throw new Error('the text writer runs only as a worker thread');

const db = new Database(settings.file);
// Per connection: FULL keeps each commit durable against power loss, as on the main connection.
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
// This thread may wait for another writer's lock without holding up anything but the next commit.
db.pragma(`busy_timeout = ${settings.busyTimeoutMs}`);
const appends = new SqliteTextAppends(db);
const gate = new Int32Array(settings.gate);

port.on('message', (request: TextWriterRequest) => {
  if (request.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  port.postMessage(append(request.id, request.updates));
});
port.postMessage({ isReady: true } satisfies TextWriterReply);

function append(id: number, updates: UpdateToAppend[]): TextWriterReply {
  // The process is exiting: start no call, wait here to be ended.
  if (Atomics.compareExchange(gate, 0, CallGate.idle, CallGate.inCall) !== CallGate.idle) Atomics.wait(gate, 0, CallGate.stopped);
  try {
    return { id, seqs: appends.append(updates) };
  } catch (error) {
    const { name, message, code, letterIds } = error as { name?: string; message?: string; code?: unknown; letterIds?: unknown };
    return {
      id,
      error: {
        name: String(name ?? 'Error'),
        message: String(message ?? error),
        ...(typeof code === 'string' ? { code } : {}),
        ...(Array.isArray(letterIds) ? { letterIds: letterIds.map(String) } : {}),
      },
    };
  } finally {
    Atomics.store(gate, 0, CallGate.idle);
    Atomics.notify(gate, 0);
  }
}
