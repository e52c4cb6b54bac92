import { totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  toThreadError,
  type ConversionRequest,
  type ConversionResult,
  type FromImportThread,
  type StoreImageRequest,
  type StoreImageResult,
  type ThreadError,
  type ToImportThread,
} from './thread-messages';

export interface ImportThread {
  /**
   * `importDocument` on the thread. Never rejects: a refusal or a fault is a result, in plain
   * data (see ThreadError), and so are the answers of `request.storeImage`.
   */
  convert(request: ConversionRequest): Promise<ConversionResult>;
  /** Stops the thread; the conversion running and those waiting for it fail. */
  close(): Promise<void>;
}

export interface ImportThreadSettings {
  /** How long a thread with nothing to convert is kept before it stops (and frees its memory). */
  idleMs?: number;
  /** The thread's heap (default: importHeapMb): a document that needs more is refused as too large. */
  maxHeapMb?: number;
  /** Documents converting or waiting their turn at most (default 4); more are refused as busy. */
  maxInTurn?: number;
  /** Of those, one sender's at most (default 2). */
  maxInTurnPerSender?: number;
}

/**
 * Memory for one conversion at the limits (IMPORT_LIMITS): measured, 50,000 one-word spans (the
 * costliest shape found at the element limit) needed more than 1 GB and less than 2 GB; a
 * bigger need is a document built to exhaust the server.
 */
const MAX_HEAP_MB = 2_048;

/**
 * The thread's heap on a machine with `totalMemoryBytes`: MAX_HEAP_MB, or a quarter of the
 * machine's memory where that is less. On a small server the system would otherwise stop the
 * whole process (readers included) before the thread reached its limit; there the costliest
 * documents are refused as too large instead.
 */
export function importHeapMb(totalMemoryBytes: number): number {
  return Math.min(MAX_HEAP_MB, Math.floor(totalMemoryBytes / 4 / 1024 / 1024));
}

/** Starting the thread costs ~1.7 s (its modules): kept a while for the next import. */
const DEFAULT_IDLE_MS = 5 * 60_000;

/**
 * Documents in turn at most: one converting, three waiting. A conversion takes seconds (the
 * costliest half a minute), and each document adds its time to the wait of those behind it:
 * kept short so that an editor's wait stays near what one request can take, and so that one
 * account sending document after document cannot hold everyone else's imports without bound.
 */
const MAX_IN_TURN = 4;
/** One sender's documents in turn at most: the rest of the line stays open to the others. */
const MAX_IN_TURN_PER_SENDER = 2;

const BUSY: ThreadError = {
  kind: 'import',
  code: 'busy',
  message: 'Other documents are being imported right now: try again in a minute',
};

const SENDER_BUSY: ThreadError = {
  kind: 'import',
  code: 'busy',
  message: 'Two of your documents are still being imported: send this one when they are done',
};

const OUT_OF_MEMORY: ThreadError = {
  kind: 'import',
  code: 'too_large',
  message: 'The document is too large to convert: it needs too much memory',
};

/** A document waiting for the thread or converting on it, and who waits for its answer. */
type Conversion = {
  id: number;
  request: ConversionRequest;
  resolve: (result: ConversionResult) => void;
  /** Its pictures being stored by the server now, for the thread. */
  storing: Set<Promise<void>>;
};

/** A started thread and the one conversion it is working on, if any. */
type RunningThread = { thread: Worker; converting: Conversion | undefined };

/**
 * Converts documents on a worker thread. A conversion (mammoth, a DOM of up to 50,000 elements,
 * the paste pipeline's cleaning) is seconds of synchronous work on a large document: on the
 * server's own thread it held every request meanwhile, reader pages included (19 s measured for
 * 50,000 one-word spans on a busy machine). The thread also bounds a conversion's memory: a
 * document that would exhaust it stops the thread, not the server. Pictures are stored by the
 * server's thread (`request.storeImage`), asked for one by one as the document places them.
 *
 * One document at a time, the others waiting in turn: each conversion has the thread's whole
 * heap, so a document is refused as too large only for what it needs itself. Side by side, two
 * large documents that each fit would together stop the thread and both be refused, and a small
 * one converting beside a document built to exhaust the memory would fail with it. The line is
 * short (MAX_IN_TURN, of which one sender's MAX_IN_TURN_PER_SENDER): past it a document is
 * refused as busy, to be sent again shortly.
 *
 * The thread starts with the first conversion and stops when idle; it keeps the process alive
 * only while it converts.
 */
export function createImportThread(settings: ImportThreadSettings = {}): ImportThread {
  const idleMs = settings.idleMs ?? DEFAULT_IDLE_MS;
  const maxHeapMb = settings.maxHeapMb ?? importHeapMb(totalmem());
  const maxInTurn = settings.maxInTurn ?? MAX_IN_TURN;
  const maxInTurnPerSender = settings.maxInTurnPerSender ?? MAX_IN_TURN_PER_SENDER;
  let running: RunningThread | undefined;
  const waiting: Conversion[] = [];
  let idleTimer: NodeJS.Timeout | undefined;
  let lastId = 0;

  function startThread(): RunningThread {
    const thread = new Worker(new URL('./import-thread-entry.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    const started: RunningThread = { thread, converting: undefined };
    thread.on('message', (message: FromImportThread) => answer(started, message));
    // The document converting when the thread stopped fails; those waiting go to a new thread.
    const stopped = (error: ThreadError) => {
      if (running === started) running = undefined;
      finish(started, { error });
    };
    thread.on('error', (error: Error & { code?: string }) =>
      stopped(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? OUT_OF_MEMORY
          : { kind: 'fault', message: `The import thread failed: ${error.message}` },
      ),
    );
    thread.on('exit', (code) =>
      stopped({ kind: 'fault', message: `The import thread stopped (${code})` }),
    );
    return started;
  }

  /** Sends the next waiting document to the thread (starting one) unless it is busy. */
  function convertNext() {
    if (running?.converting || waiting.length === 0) return;
    clearTimeout(idleTimer);
    const conversion = waiting.shift()!;
    running ??= startThread();
    running.converting = conversion;
    running.thread.ref(); // until the conversion is answered
    const { input, imageLimits, storeImage } = conversion.request;
    const message: ToImportThread = {
      type: 'convert',
      id: conversion.id,
      // Only the file: whatever else an input object carries stays on this side.
      input: { fileName: input.fileName, bytes: input.bytes },
      ...(imageLimits && { imageLimits }),
      storesImages: storeImage !== undefined,
    };
    running.thread.postMessage(message);
  }

  /**
   * Answers the thread's conversion (if it has one) and goes on with the next document. The
   * answer waits for pictures still being stored (a thread that stopped leaves them behind): the
   * caller removes what it stored when the import fails, and a picture stored after that would
   * stay, used by nothing.
   */
  function finish(thread: RunningThread, result: ConversionResult) {
    const done = thread.converting;
    thread.converting = undefined;
    if (done) void Promise.allSettled(done.storing).then(() => done.resolve(result));
    if (waiting.length > 0) convertNext();
    else if (running === thread) stopWhenIdle(thread.thread);
  }

  function answer(thread: RunningThread, message: FromImportThread) {
    const conversion = thread.converting;
    if (conversion?.id !== message.id) return; // for a conversion already answered
    if (message.type === 'storeImage') {
      const { storeImage } = conversion.request;
      const storing = storeForThread(thread.thread, message.call, message.image, storeImage);
      conversion.storing.add(storing);
      return void storing.finally(() => conversion.storing.delete(storing));
    }
    finish(thread, message.result);
  }

  function stopWhenIdle(thread: Worker) {
    thread.unref(); // a thread with nothing to convert does not keep the process alive
    clearTimeout(idleTimer);
    const idle = running;
    idleTimer = setTimeout(() => {
      if (idle && idle === running && !idle.converting) {
        running = undefined;
        void idle.thread.terminate();
      }
    }, idleMs);
    idleTimer.unref();
  }

  return {
    convert(request) {
      const inTurn = running?.converting ? [running.converting, ...waiting] : waiting;
      if (inTurn.length >= maxInTurn) return Promise.resolve({ error: BUSY });
      const sent = (conversion: Conversion) =>
        request.sender !== undefined && conversion.request.sender === request.sender;
      if (inTurn.filter(sent).length >= maxInTurnPerSender) {
        return Promise.resolve({ error: SENDER_BUSY });
      }
      return new Promise((resolve) => {
        waiting.push({ id: ++lastId, request, resolve, storing: new Set() });
        convertNext();
      });
    },
    async close() {
      clearTimeout(idleTimer);
      const stopping = running;
      running = undefined;
      const stopped: ThreadError = { kind: 'fault', message: 'The import thread stopped' };
      for (const conversion of waiting.splice(0)) conversion.resolve({ error: stopped });
      await stopping?.thread.terminate();
    },
  };
}

/** Stores a picture the thread asked for and sends it the answer. */
async function storeForThread(
  thread: Worker,
  call: number,
  image: StoreImageRequest,
  storeImage: ConversionRequest['storeImage'],
): Promise<void> {
  // Cloned across threads as a Uint8Array: the upload pipeline takes a Buffer.
  const bytes = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
  const result: StoreImageResult = storeImage
    ? await storeImage({ ...image, bytes }).catch((error: unknown) => ({
        error: toThreadError(error),
      }))
    : { error: { kind: 'fault', message: 'This import stores no pictures' } };
  const message: ToImportThread = { type: 'imageStored', call, result };
  thread.postMessage(message);
}
