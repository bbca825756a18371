// `node:zlib` in the browser: compressed record batches are not supported
// (neither kafkajs nor the course compresses unless asked to).
function unavailable(): never {
  throw new Error("gzip compression is not available in the browser; send uncompressed batches");
}

export const gzip = unavailable;
export const unzip = unavailable;
export const gunzipSync = unavailable;
export const crc32 = unavailable;
export default { gzip, unzip, gunzipSync, crc32 };
