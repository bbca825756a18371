declare module "murmurhash-js" {
  /** MurmurHash2 over a string's char codes (each taken as one byte), unsigned 32-bit. */
  export function murmur2(str: string, seed: number): number;
}
