/** What a rally screen says, in English. */
export default {
  fullscreen: 'Full screen',
  qr: 'QR code: scan it to share your story at {url}',
};
