// Worker-thread entry started by the commit worker: copies committed WAL pages back into the
// database file (a checkpoint) from its own thread. Done by the writer, as SQLite does by default,
// it took a quarter of every commit; here it runs beside the commits and never blocks them.
import Database from 'libsql';
import { workerData, type MessagePort } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS, PASSIVE_CHECKPOINT } from '../db/client';

/**
 * A checkpoint copies each page once however many commits rewrote it since the last one. Rollups
 * rewrite the same users' pages commit after commit: every 100 ms, the checkpoints wrote nearly
 * a page to the file for each page in the WAL, and ingest of 20M events at a million users ran at
 * 15.4k events/s; every 2 s, 16.9k, with ~30 % less written to disk per event.
 */
export const CHECKPOINT_EVERY_MS = 2_000;

/**
 * About 600 MB of 4 KiB pages: past it the WAL should start over. It can only when a commit begins
 * with every page of it copied, which under steady ingest never happens by itself: each pass here
 * takes 100 ms or more (the file's fsync alone), and commits keep adding pages meanwhile. Left to
 * the writer's own checkpoint, at a million users that cost it ~1 s every ~5 s of full-speed ingest.
 */
const RESTART_AT_PAGES = 150_000;
/** Passes in a row before handing over; each finds the pages of the commits made during the last. */
const MAX_PASSES = 4;

const { path, caughtUp } = workerData as { path: string; caughtUp: MessagePort };
const db = new Database(path);
db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
const checkpoint = db.prepare(PASSIVE_CHECKPOINT);
const walPages = () => (checkpoint.get() as { log: number }).log;

/** The WAL's length when last handed over: no commit since, no need to ask again. */
let handedOver = -1;

setInterval(() => {
  try {
    let pages = walPages();
    if (pages < RESTART_AT_PAGES || pages === handedOver) return;
    // Copy until a pass finds no new commit, then leave the writer the few pages left: copied
    // between two of its commits, they let the next one start the WAL over (native-commit.ts).
    for (let pass = 1; pass < MAX_PASSES; pass++) {
      const now = walPages();
      if (now === pages) break;
      pages = now;
    }
    handedOver = pages;
    caughtUp.postMessage(null);
  } catch {
    // A busy or failed pass is retried by the next one; the writer's own checkpoint bounds the WAL.
  }
}, CHECKPOINT_EVERY_MS);
