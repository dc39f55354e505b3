/**
 * Raw DEFLATE through the platform's DecompressionStream (browsers, Node ≥ 20.12): what the
 * extension's service worker uses, where node:zlib does not exist.
 */
export async function inflateRawStream(data: Uint8Array): Promise<Uint8Array> {
  const inflated = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}
