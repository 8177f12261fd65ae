// tiny-inflate ships no types: raw DEFLATE (no zlib header) into a buffer of the known output size.
declare module 'tiny-inflate' {
  export default function inflate(source: Uint8Array, dest: Uint8Array): Uint8Array;
}
