// Keys as a serializer puts them on the wire: a partitioner hashes these
// bytes, not the key object an application holds.

/**
 * A string key as Confluent's Schema Registry Avro serializer writes it: the
 * wire-format prefix (magic byte 0, then the schema id as a 4-byte big-endian
 * integer) followed by Avro's encoding of a string (its UTF-8 length as a
 * zigzag varint, then the bytes).
 */
export function registryAvroKey(key: string, schemaId: number): Buffer {
  if (!Number.isInteger(schemaId) || schemaId < 0 || schemaId > 0x7fffffff) throw new RangeError(`schemaId must be a whole number from 0 to 2^31-1 (got ${schemaId})`);
  const utf8 = new TextEncoder().encode(key);
  const length: number[] = [];
  for (let zigzag = utf8.length * 2; ; zigzag = Math.floor(zigzag / 128)) {
    if (zigzag < 128) {
      length.push(zigzag);
      break;
    }
    length.push((zigzag % 128) | 0x80);
  }
  const prefix = Buffer.alloc(5);
  prefix.writeInt32BE(schemaId, 1);
  return Buffer.concat([prefix, Buffer.from(length), Buffer.from(utf8)]);
}
