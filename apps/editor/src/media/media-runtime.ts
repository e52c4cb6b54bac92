import {
  mediaLimitsFromEnv,
  mediaStorageFromEnv,
  type MediaLimits,
  type MediaStorage,
} from '@newsroom/media';

// One storage client and one set of limits per process, shared by every route (Next may load a
// route module more than once, hence globalThis).
const runtime = globalThis as typeof globalThis & {
  newsroomMedia?: { storage: MediaStorage; limits: MediaLimits };
};

function media() {
  runtime.newsroomMedia ??= { storage: mediaStorageFromEnv(), limits: mediaLimitsFromEnv() };
  return runtime.newsroomMedia;
}

export const getMediaStorage = () => media().storage;
export const getMediaLimits = () => media().limits;
