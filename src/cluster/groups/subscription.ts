// The topics a consumer group's members subscribe to, read from the
// metadata they sent in JoinGroup for the chosen protocol — as Kafka's
// GroupMetadata.computeSubscribedTopics does at each new generation, parsing
// only the prefix every ConsumerProtocol subscription version shares
// (int16 version, then an int32-counted list of int16-length topic names).
// Undefined means "unknown": a group of another protocol type, no protocol
// yet, or metadata that does not parse — then every topic counts as
// subscribed (GroupMetadata.isSubscribedToTopic).
import { ErrorCode } from "../protocol/errors";
import { metadataFor, type Group } from "./group";

const CONSUMER = "consumer";

export function subscribedTopics(group: Group): Set<string> | undefined {
  if (group.protocolType !== CONSUMER) return undefined;
  if (group.members.size === 0) return new Set();
  if (group.protocolName === null) return undefined;
  const topics = new Set<string>();
  for (const m of group.members.values()) {
    const own = subscriptionTopics(metadataFor(m, group.protocolName));
    if (!own) return undefined;
    for (const t of own) topics.add(t);
  }
  return topics;
}

/** The topic names of one ConsumerProtocol subscription, or undefined when the bytes are not one. */
export function subscriptionTopics(metadata: Buffer): string[] | undefined {
  if (metadata.length < 6) return undefined;
  const count = metadata.readInt32BE(2);
  if (count < 0) return undefined;
  const topics: string[] = [];
  let at = 6;
  for (let i = 0; i < count; i++) {
    if (at + 2 > metadata.length) return undefined;
    const length = metadata.readInt16BE(at);
    if (length < 0 || at + 2 + length > metadata.length) return undefined;
    topics.push(metadata.toString("utf8", at + 2, at + 2 + length));
    at += 2 + length;
  }
  return topics;
}

export type OffsetDeletion = { errorCode: number; subscribed: (topic: string) => boolean };

/**
 * Whether OffsetDelete may remove a group's offsets of a topic, as Kafka's
 * GroupCoordinator.handleDeleteOffsets decides: any topic of an Empty group;
 * for a consumer group with members, the topics none of them subscribes to
 * (GROUP_SUBSCRIBED_TO_TOPIC for the others); a group of another protocol
 * type with members: none (NON_EMPTY_GROUP). Undefined: no such group.
 */
export function offsetDeletion(group: Group | undefined): OffsetDeletion | undefined {
  if (!group || group.state === "Dead") return undefined;
  if (group.state === "Empty") return { errorCode: ErrorCode.NONE, subscribed: () => false };
  if (group.protocolType !== CONSUMER) return { errorCode: ErrorCode.NON_EMPTY_GROUP, subscribed: () => true };
  const topics = group.subscribedTopics;
  return { errorCode: ErrorCode.NONE, subscribed: (topic) => topics === undefined || topics.has(topic) };
}
