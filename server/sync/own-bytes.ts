/**
 * `bytes` in an ArrayBuffer of their own. An update read from a websocket frame is a view into the
 * socket's read buffer (often 64 KiB): kept, it keeps that whole buffer alive, and handed to the
 * store's thread it is copied whole (several times the cost of the update itself).
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
