/** Bounds on an image node's texts and sizes, shared by validation, the editor and uploads. */
export const IMAGE_LIMITS = {
  maxAltLength: 500,
  maxCaptionLength: 1000,
  maxCreditLength: 200,
  /** Decoded pixels per side; also what sharp is allowed to open. */
  maxDimension: 20_000,
} as const;
