// The import thread's side (see import-thread.ts): converts each document it is sent, asking the
// server to store its pictures, and answers with the document or the refusal.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { StoredImage } from '@newsroom/media';
import { importDocument } from '../import-document';
import {
  fromThreadError,
  toThreadError,
  type FromImportThread,
  type StoreImageRequest,
  type StoreImageResult,
  type ToImportThread,
} from './thread-messages';

/**
 * A conversion is background work next to the requests the server answers: below normal
 * priority, a busy core serves readers and editors first. Linux only: there the priority (nice
 * value) belongs to this thread alone; elsewhere it would slow the whole process.
 */
const CONVERSION_PRIORITY = 10;
if (process.platform === 'linux') {
  try {
    setPriority(CONVERSION_PRIORITY);
  } catch {
    // Not allowed here: conversions compete with requests as equals.
  }
}

const port = parentPort!;
const send = (message: FromImportThread) => port.postMessage(message);

/** Pictures sent to the server to be stored, by call number, waiting for its answer. */
const storing = new Map<number, (result: StoreImageResult) => void>();
let lastCall = 0;

async function storeOnServer(id: number, image: StoreImageRequest): Promise<StoredImage> {
  const call = ++lastCall;
  const result = await new Promise<StoreImageResult>((resolve) => {
    storing.set(call, resolve);
    send({ type: 'storeImage', id, call, image });
  });
  if ('error' in result) throw fromThreadError(result.error);
  return result.image;
}

async function convert(message: Extract<ToImportThread, { type: 'convert' }>) {
  try {
    const document = await importDocument(message.input, {
      ...(message.imageLimits && { imageLimits: message.imageLimits }),
      ...(message.storesImages && {
        storeImage: (image: StoreImageRequest) => storeOnServer(message.id, image),
      }),
    });
    send({ type: 'converted', id: message.id, result: { document } });
  } catch (error) {
    send({ type: 'converted', id: message.id, result: { error: toThreadError(error) } });
  }
}

port.on('message', (message: ToImportThread) => {
  if (message.type === 'convert') return void convert(message);
  storing.get(message.call)?.(message.result);
  storing.delete(message.call);
});
