// The checkpoint's QR decoder where the browser has no BarcodeDetector: jsQR (restored from npm,
// served under /lib/) in a worker, so that decoding a frame never holds the page up.
// In: { id, width, height, data: the RGBA pixels }. Out: { id, text: the code's text, or null }.
importScripts('/lib/jsqr/jsQR.js');

self.onmessage = ({ data: frame }) => {
  let text = null;
  try {
    // Printed codes are dark on light; a photo may be either way round.
    const code = self.jsQR(new Uint8ClampedArray(frame.data), frame.width, frame.height,
      { inversionAttempts: frame.photo ? 'attemptBoth' : 'dontInvert' });
    text = code?.data || null;
  } catch {
    // an unreadable frame: no code
  }
  self.postMessage({ id: frame.id, text });
};
