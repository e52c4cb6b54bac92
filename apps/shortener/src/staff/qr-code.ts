import QRCode from 'qrcode';

/** The QR code of a short URL, as SVG markup (from our own URL: no user HTML in it). */
export function qrSvg(shortUrl: string): Promise<string> {
  return QRCode.toString(shortUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

export function qrPng(shortUrl: string): Promise<Buffer> {
  return QRCode.toBuffer(shortUrl, {
    type: 'png',
    width: 512,
    margin: 2,
    errorCorrectionLevel: 'M',
  });
}
