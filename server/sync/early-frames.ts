/**
 * Frames that arrive while a connection's letter is still loading, kept in order within a limit
 * of count and bytes: a client that floods a loading letter must not grow the server's memory.
 */
export class EarlyFrames {
  private frames: Uint8Array[] = [];
  private bytes = 0;

  constructor(
    private readonly maxFrames: number,
    private readonly maxBytes: number,
  ) {}

  /** Keeps `frame`; false if that would exceed the limits (nothing is kept then). */
  push(frame: Uint8Array): boolean {
    if (this.frames.length >= this.maxFrames || this.bytes + frame.length > this.maxBytes) return false;
    this.frames.push(frame);
    this.bytes += frame.length;
    return true;
  }

  /** The kept frames, in order; empties the buffer. */
  take(): Uint8Array[] {
    const frames = this.frames;
    this.frames = [];
    this.bytes = 0;
    return frames;
  }
}
