// The Jupyter wire format (messaging protocol 5.3): the frames of one message
// and their HMAC-SHA256 signature. Pure: no sockets here.
import { createHmac, randomUUID } from "node:crypto";

export type Header = { msg_id: string; username: string; session: string; date: string; msg_type: string; version: string };

export type Message = {
  header: Header;
  parent_header: Partial<Header>;
  metadata: Record<string, unknown>;
  content: any;
};

const DELIMITER = "<IDS|MSG>";

export function sign(key: string, parts: Buffer[]): string {
  if (!key) return "";
  const hmac = createHmac("sha256", key);
  for (const p of parts) hmac.update(p);
  return hmac.digest("hex");
}

/** A new message of `msgType` in `session`. */
export function newMessage(session: string, msgType: string, content: unknown, parent: Partial<Header> = {}): Message {
  return {
    header: { msg_id: randomUUID(), username: "partition-lab", session, date: new Date().toISOString(), msg_type: msgType, version: "5.3" },
    parent_header: parent,
    metadata: {},
    content,
  };
}

/** The frames to send (no routing identities: we talk through DEALER sockets). */
export function encodeMessage(key: string, msg: Message): Buffer[] {
  const parts = [msg.header, msg.parent_header, msg.metadata, msg.content].map((p) => Buffer.from(JSON.stringify(p)));
  return [Buffer.from(DELIMITER), Buffer.from(sign(key, parts)), ...parts];
}

/** Parses received frames; throws when the signature does not match (a message not from our kernel). */
export function decodeMessage(key: string, frames: Buffer[]): Message {
  const at = frames.findIndex((f) => f.toString() === DELIMITER);
  if (at < 0 || frames.length < at + 6) throw new Error("not a Jupyter message: no <IDS|MSG> delimiter");
  const signature = frames[at + 1].toString();
  const parts = frames.slice(at + 2, at + 6);
  if (key && signature !== sign(key, parts)) throw new Error("Jupyter message with a bad HMAC signature");
  const [header, parent_header, metadata, content] = parts.map((p) => JSON.parse(p.toString()));
  return { header, parent_header, metadata, content };
}
