// Types for the two pure-JavaScript codecs that ship none.
// snappyjs's decompressor alone: its index.js probes `process`, which the browser bundle must not name.
declare module "snappyjs/snappy_decompressor" {
  export class SnappyDecompressor {
    constructor(compressed: Uint8Array);
    /** The block's decompressed length from its varint prefix, or -1 when the prefix is invalid. */
    readUncompressedLength(): number;
    /** Decompresses into `out` (exactly the declared length); false when the stream is invalid. */
    uncompressToBuffer(out: Uint8Array): boolean;
  }
}

declare module "lz4js" {
  /** An upper bound of a frame's decompressed size, read from its block headers. */
  export function decompressBound(src: Uint8Array): number;
  /** Decompresses an LZ4 frame into `dst`; returns the number of bytes written. */
  export function decompressFrame(src: Uint8Array, dst: Uint8Array): number;
  export function compress(src: Uint8Array, maxSize?: number): Uint8Array;
}

// The compressor, for tests that build snappy payloads.
declare module "snappyjs" {
  export function compress(uncompressed: Uint8Array): Uint8Array;
}
