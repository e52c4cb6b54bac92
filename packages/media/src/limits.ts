import { IMAGE_LIMITS } from '@newsroom/article';
import { wholeNumberSetting } from '@newsroom/settings';

export interface MediaLimits {
  /** Largest upload accepted, in bytes (413 above it). */
  maxUploadBytes: number;
  /** Largest decoded image, in pixels (width × height): a small file can still unpack huge. */
  maxPixels: number;
  /** Largest side, in pixels. */
  maxDimension: number;
}

export const DEFAULT_MEDIA_LIMITS: MediaLimits = {
  maxUploadBytes: 20 * 1024 * 1024,
  maxPixels: 50_000_000,
  maxDimension: IMAGE_LIMITS.maxDimension,
};

/** `MEDIA_MAX_UPLOAD_BYTES` overrides the 20 MB default. */
export function mediaLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): MediaLimits {
  const bytes = wholeNumberSetting(env, 'MEDIA_MAX_UPLOAD_BYTES', 1);
  return bytes === undefined
    ? DEFAULT_MEDIA_LIMITS
    : { ...DEFAULT_MEDIA_LIMITS, maxUploadBytes: bytes };
}

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}
