import { totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import type {
  ConversionRequest,
  ConversionResult,
  FromImportThread,
  StoreImageRequest,
  StoreImageResult,
  ThreadError,
  ToImportThread,
} from './thread-messages';

export interface ImportThread {
  /**
   * `importDocument` on the thread. Never rejects: a refusal or a fault is a result, in plain
   * data (see ThreadError), and so are the answers of `request.storeImage`.
   */
  convert(request: ConversionRequest): Promise<ConversionResult>;
  /** Stops the thread; conversions still running fail. */
  close(): Promise<void>;
}

export interface ImportThreadSettings {
  /** How long a thread with nothing to convert is kept before it stops (and frees its memory). */
  idleMs?: number;
  /** The thread's heap (default: importHeapMb): a document that needs more is refused as too large. */
  maxHeapMb?: number;
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

const OUT_OF_MEMORY: ThreadError = {
  kind: 'import',
  code: 'too_large',
  message: 'The document is too large to convert: it needs too much memory',
};

/** One conversion on the thread: who waits for it and where its pictures are stored. */
type Conversion = {
  resolve: (result: ConversionResult) => void;
  storeImage: ConversionRequest['storeImage'];
};

type RunningThread = { thread: Worker; conversions: Map<number, Conversion> };

/**
 * Converts documents on a worker thread. A conversion (mammoth, a DOM of up to 50,000 elements,
 * the paste pipeline's cleaning) is seconds of synchronous work on a large document: on the
 * server's own thread it held every request meanwhile, reader pages included (19 s measured for
 * 50,000 one-word spans on a busy machine). The thread also bounds a conversion's memory: a
 * document that would exhaust it stops the thread, not the server. Pictures are stored by the
 * server's thread (`request.storeImage`), asked for one by one as the document places them.
 * The thread starts with the first conversion and stops when idle; it keeps the process alive
 * only while it converts.
 */
export function createImportThread(settings: ImportThreadSettings = {}): ImportThread {
  const idleMs = settings.idleMs ?? DEFAULT_IDLE_MS;
  const maxHeapMb = settings.maxHeapMb ?? importHeapMb(totalmem());
  let running: RunningThread | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let lastId = 0;

  function startThread(): RunningThread {
    const thread = new Worker(new URL('./import-thread-entry.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    const started: RunningThread = { thread, conversions: new Map() };
    thread.on('message', (message: FromImportThread) => answer(started, message));
    const failAll = (error: ThreadError) => {
      for (const conversion of started.conversions.values()) conversion.resolve({ error });
      started.conversions.clear();
      if (running === started) running = undefined; // the next conversion starts a new thread
    };
    thread.on('error', (error: Error & { code?: string }) =>
      failAll(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? OUT_OF_MEMORY
          : { kind: 'fault', message: `The import thread failed: ${error.message}` },
      ),
    );
    thread.on('exit', (code) =>
      failAll({ kind: 'fault', message: `The import thread stopped (${code})` }),
    );
    return started;
  }

  function answer({ thread, conversions }: RunningThread, message: FromImportThread) {
    if (message.type === 'storeImage') {
      const storeImage = conversions.get(message.id)?.storeImage;
      return void storeForThread(thread, message.call, message.image, storeImage);
    }
    conversions.get(message.id)?.resolve(message.result);
    conversions.delete(message.id);
    if (conversions.size === 0) stopWhenIdle(thread);
  }

  function stopWhenIdle(thread: Worker) {
    thread.unref(); // a thread with nothing to convert does not keep the process alive
    clearTimeout(idleTimer);
    const idle = running;
    idleTimer = setTimeout(() => {
      if (idle && idle === running && idle.conversions.size === 0) {
        running = undefined;
        void idle.thread.terminate();
      }
    }, idleMs);
    idleTimer.unref();
  }

  return {
    convert({ input, imageLimits, storeImage }) {
      clearTimeout(idleTimer);
      running ??= startThread();
      const { thread, conversions } = running;
      thread.ref(); // until its conversions are answered
      const id = ++lastId;
      return new Promise((resolve) => {
        conversions.set(id, { resolve, storeImage });
        const message: ToImportThread = {
          type: 'convert',
          id,
          // Only the file: whatever else an input object carries stays on this side.
          input: { fileName: input.fileName, bytes: input.bytes },
          ...(imageLimits && { imageLimits }),
          storesImages: storeImage !== undefined,
        };
        thread.postMessage(message);
      });
    },
    async close() {
      clearTimeout(idleTimer);
      const stopping = running;
      running = undefined;
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
) {
  // Cloned across threads as a Uint8Array: the upload pipeline takes a Buffer.
  const bytes = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
  const result: StoreImageResult = storeImage
    ? await storeImage({ ...image, bytes }).catch((error: unknown) => ({
        error: { kind: 'fault', message: error instanceof Error ? error.message : String(error) },
      }))
    : { error: { kind: 'fault', message: 'This import stores no pictures' } };
  const message: ToImportThread = { type: 'imageStored', call, result };
  thread.postMessage(message);
}
