// The engine worker, seen from the task pane: one request, one promise.
import type { WorkerMessage, WorkerRequest, WorkerResponse } from './protocol';


/** The engine failed (a fault, not bad input: input problems come back as results). */
function stopped(message: string): Error {
  const e = new Error(message);
  e.name = 'EngineStopped';
  return e;
}

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

export function engine<K extends WorkerRequest['kind']>(req: Extract<WorkerRequest, { kind: K }>): Promise<WorkerResponse[K]> {
  if (!worker) {
    worker = new Worker('engine.worker.js');
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const w = waiting.get(e.data.id);
      if (!w) return;
      waiting.delete(e.data.id);
      if (e.data.ok) w.resolve(e.data.result);
      else w.reject(stopped(e.data.message));
    };
    worker.onerror = (e) => {
      for (const w of waiting.values()) w.reject(stopped(e.message));
      waiting.clear();
      worker = undefined;
    };
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    worker!.postMessage({ id, req });
  });
}

let inputSheetList: string[] | undefined;
/** The input template sheets a build reads, as the engine knows them. */
export async function inputSheets(): Promise<string[]> {
  inputSheetList ??= (await engine({ kind: 'info' })).inputSheets;
  return inputSheetList;
}
