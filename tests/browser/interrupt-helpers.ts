import type { BrowserContext, CDPSession, Page } from 'playwright-core';

type TargetInfo = { targetId: string; type: string; url: string };
type ProtocolMessage = { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string } };

/** Writes seen in one IndexedDB transaction of the service worker, counted by `op:store`. */
export type TransactionLog = {
  scope: string[];
  writes: Record<string, number>;
  /** `active` until the worker saw the transaction's complete or abort event. */
  state: 'active' | 'committed' | 'aborted';
};

/** What the worker had done when it stopped at the chosen write. */
export type PausedSave = {
  /** The transaction the chosen write belongs to, not committed: the worker is paused inside it. */
  current: TransactionLog;
  /** Every other transaction that wrote something since the trap was set. */
  others: TransactionLog[];
};

/**
 * A DevTools session on the extension's service worker. Playwright's CDPSession cannot address a
 * child target, so this one is attached the non-flattened way and talks through
 * Target.sendMessageToTarget on the browser session.
 */
export class WorkerSession {
  private nextId = 0;
  private readonly pending = new Map<number, (m: ProtocolMessage) => void>();
  private readonly pauses: ((params: Record<string, unknown>) => void)[] = [];
  private readonly receive = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== this.sessionId) return;
    const message = JSON.parse(event.message) as ProtocolMessage;
    if (message.id !== undefined) this.pending.get(message.id)?.(message);
    if (message.method === 'Debugger.paused') for (const waiter of this.pauses.splice(0)) waiter(message.params ?? {});
  };

  private constructor(private readonly cdp: CDPSession, readonly targetId: string, private readonly sessionId: string) {
    cdp.on('Target.receivedMessageFromTarget' as never, this.receive);
  }

  static async attach(cdp: CDPSession, targetId: string): Promise<WorkerSession> {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false }) as { sessionId: string };
    return new WorkerSession(cdp, targetId, sessionId);
  }

  async send<T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> {
    const id = ++this.nextId;
    const answer = new Promise<ProtocolMessage>((resolve) => this.pending.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget' as never, { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) } as never);
    const message = await answer;
    this.pending.delete(id);
    if (message.error) throw new Error(`${method}: ${message.error.message}`);
    return message.result as T;
  }

  async detach(): Promise<void> {
    this.cdp.off('Target.receivedMessageFromTarget' as never, this.receive);
    await this.cdp.send('Target.detachFromTarget', { sessionId: this.sessionId } as never);
  }

  /** Whether the worker's global scope still holds a write trap: a worker started afresh does not. */
  async hasTrap(): Promise<boolean> {
    const { result } = await this.send<{ result: { value?: unknown } }>('Runtime.evaluate', { expression: "typeof globalThis.__saveTrap !== 'undefined'", returnByValue: true });
    return result.value === true;
  }

  /**
   * Makes the worker stop dead, in the debugger, right after it issued its `at`-th add or put into
   * `store`. Every write is also logged by transaction, so the test can tell what the stopped
   * transaction holds and whether anything was committed apart from it. Nothing else changes:
   * the writes go through to IndexedDB as before.
   */
  async trapWrite(store: string, at: number): Promise<{ paused: Promise<PausedSave> }> {
    await this.send('Debugger.enable');
    const paused = new Promise<Record<string, unknown>>((resolve) => this.pauses.push(resolve));
    // A string, not a function: it runs in the worker, and must not pick up the test runner's transforms.
    const trap = `(() => {
      const log = { store: ${JSON.stringify(store)}, at: ${at}, count: 0, transactions: [], paused: null };
      globalThis.__saveTrap = log;
      const records = new WeakMap();
      const recordOf = (tx) => {
        let r = records.get(tx);
        if (!r) {
          r = { scope: Array.from(tx.objectStoreNames), writes: {}, state: 'active' };
          records.set(tx, r);
          log.transactions.push(r);
          tx.addEventListener('complete', () => { r.state = 'committed'; });
          tx.addEventListener('abort', () => { r.state = 'aborted'; });
        }
        return r;
      };
      const wrap = (proto, op, storeOf) => {
        const native = proto[op];
        proto[op] = function (...args) {
          const target = storeOf(this);
          const r = recordOf(target.transaction);
          const key = op + ':' + target.name;
          r.writes[key] = (r.writes[key] || 0) + 1;
          const request = native.apply(this, args);
          if ((op === 'add' || op === 'put') && target.name === log.store && ++log.count === log.at) {
            log.paused = r;
            debugger;
          }
          return request;
        };
      };
      for (const op of ['add', 'put', 'delete', 'clear']) wrap(IDBObjectStore.prototype, op, (s) => s);
      for (const op of ['update', 'delete']) wrap(IDBCursor.prototype, op, (c) => (c.source instanceof IDBIndex ? c.source.objectStore : c.source));
      return true;
    })()`;
    const { result } = await this.send<{ result: { value?: unknown } }>('Runtime.evaluate', { expression: trap, returnByValue: true });
    if (result.value !== true) throw new Error('The write trap was not installed in the service worker.');
    // Wrapped: an async function would otherwise wait for the pause itself.
    return { paused: paused.then(async (params) => {
      const frames = params.callFrames as { callFrameId: string }[];
      const read = 'JSON.stringify({ current: __saveTrap.paused, others: __saveTrap.transactions.filter((t) => t !== __saveTrap.paused) })';
      const { result: state } = await this.send<{ result: { value?: string } }>('Debugger.evaluateOnCallFrame', { callFrameId: frames[0].callFrameId, expression: read, returnByValue: true });
      const save = JSON.parse(state.value ?? 'null') as PausedSave | null;
      if (!save?.current) throw new Error('The worker paused, but not at the write trap.');
      return save;
    }) };
  }
}

/** The extension's running service worker, as a DevTools target (a restarted worker may keep its id). */
export async function workerTarget(cdp: CDPSession, extensionId: string): Promise<string> {
  for (let tries = 0; tries < 150; tries++) {
    const { targetInfos } = await cdp.send('Target.getTargets') as { targetInfos: TargetInfo[] };
    const found = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (found) return found.targetId;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The extension has no running service worker.');
}

/** Whether DevTools still lists this service worker target. */
export async function targetExists(cdp: CDPSession, targetId: string): Promise<boolean> {
  const { targetInfos } = await cdp.send('Target.getTargets') as { targetInfos: TargetInfo[] };
  return targetInfos.some((t) => t.targetId === targetId);
}

type WorkerVersion = { versionId: string; runningStatus: string; targetId?: string };

/**
 * Stops the service worker behind `targetId` the way Chromium stops an idle or overrunning worker
 * (ServiceWorker.stopWorker), from an extension page's DevTools session, and resolves once the
 * browser reports it stopped. Works on a worker paused in the debugger.
 */
export async function stopServiceWorker(context: BrowserContext, extensionPage: Page, targetId: string): Promise<void> {
  const session = await context.newCDPSession(extensionPage);
  const versions = new Map<string, WorkerVersion>();
  let changed = () => {};
  session.on('ServiceWorker.workerVersionUpdated' as never, ({ versions: updated }: { versions: WorkerVersion[] }) => {
    for (const v of updated) versions.set(v.versionId, { ...versions.get(v.versionId), ...v, targetId: v.targetId ?? versions.get(v.versionId)?.targetId });
    changed();
  });
  const until = async (done: () => boolean, what: string) => {
    for (let tries = 0; !done(); tries++) {
      if (tries > 300) throw new Error(`Timed out waiting for ${what}.`);
      await new Promise<void>((resolve) => { changed = resolve; setTimeout(resolve, 100); });
    }
  };
  try {
    await session.send('ServiceWorker.enable' as never);
    const running = () => [...versions.values()].find((v) => v.targetId === targetId && v.runningStatus === 'running');
    await until(() => !!running(), 'the worker to be listed');
    const { versionId } = running()!;
    await session.send('ServiceWorker.stopWorker' as never, { versionId } as never);
    await until(() => versions.get(versionId)?.runningStatus === 'stopped', 'the worker to stop');
  } finally {
    await session.detach();
  }
}

/**
 * The library as stored: clipping primary keys; each mention's pack row, place in its list and
 * clipping id; the clipping ids each search word points to; and the clipping ids of each row of
 * the search index (a row holds the words of a shard; see lib/db/term-index.ts).
 */
export type StoredLibrary = { clippings: number[]; mentions: { row: number; id: number; clippingId: number }[]; terms: Record<string, number[]>; termRows: number[][] };

/**
 * Reads the library from an extension page with the plain IndexedDB API. Whatever the database is
 * called and whatever else it holds, it is the one with `clippings`, `packs` and `terms` stores; a
 * pack holds the articles of several clippings, each with its id and mention list (see
 * lib/db/article-packs.ts). Empty when no such database exists yet.
 */
export function readLibrary(extensionPage: Page): Promise<StoredLibrary> {
  return extensionPage.evaluate(async () => {
    const open = (name: string) => new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const ask = <T,>(req: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await open(name);
      const stores = ['clippings', 'packs', 'terms'];
      if (!stores.every((s) => db.objectStoreNames.contains(s))) { db.close(); continue; }
      // One read transaction over the stores: a consistent snapshot.
      const tx = db.transaction(stores);
      const [clippings, packs, terms] = await Promise.all([
        ask(tx.objectStore('clippings').getAllKeys()),
        ask(tx.objectStore('packs').getAll()),
        ask(tx.objectStore('terms').getAll()),
      ]);
      db.close();
      // A packed list (lib/db/mention-store.ts) holds three numbers per mention in `spans`; a mention's id is its place.
      // A large article is in a record of its own, which its pack only marks (`solo`, no mentions).
      type Article = { id: number; mentions?: { spans: Uint32Array } };
      const places = (a: Article) => Array.from({ length: (a.mentions?.spans.length ?? 0) / 3 }, (_, k) => k + 1);
      return {
        clippings: clippings as number[],
        mentions: (packs as { id: number; articles: Article[] }[]).flatMap((pack) => pack.articles.flatMap((a) => places(a).map((id) => ({ row: pack.id, id, clippingId: a.id })))),
        // A row holds the words of a shard; the ids of words[i] run in `ids` up to ends[i].
        terms: (terms as { words: string[]; ends: Uint32Array; ids: Uint32Array }[]).reduce<Record<string, number[]>>((all, t) => {
          t.words.forEach((w, i) => { all[w] = [...(all[w] ?? []), ...t.ids.subarray(i ? t.ends[i - 1] : 0, t.ends[i])]; });
          return all;
        }, {}),
        termRows: (terms as { ids: Uint32Array }[]).map((t) => [...t.ids]),
      };
    }
    // Nothing saved yet: the background creates the database on its first use.
    return { clippings: [], mentions: [], terms: {}, termRows: [] };
  });
}
