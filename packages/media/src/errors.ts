/** Why an upload or a file request was refused; `code` and `status` go straight to the API. */
export type MediaErrorCode =
  | 'too_large'
  | 'too_many_pixels'
  | 'too_tall'
  | 'unsupported_type'
  | 'svg_refused'
  | 'corrupt_image'
  | 'invalid_metadata'
  | 'not_found';

const STATUS: Record<MediaErrorCode, number> = {
  too_large: 413,
  too_many_pixels: 413,
  // The file is not large; its shape is what no web format can show at the rendition widths.
  too_tall: 422,
  unsupported_type: 415,
  svg_refused: 415,
  corrupt_image: 422,
  invalid_metadata: 422,
  not_found: 404,
};

export class MediaError extends Error {
  readonly status: number;

  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaError';
    this.status = STATUS[code];
  }
}

export function isMediaError(error: unknown): error is MediaError {
  return error instanceof MediaError;
}
