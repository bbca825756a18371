import { ErrorCode } from "../protocol/errors";

/** A topic-level failure with the Kafka error code to answer. */
export class TopicError extends Error {
  constructor(readonly errorCode: number, message: string) {
    super(message);
  }
}

/** Runs a per-topic action and turns a TopicError into the error fields of that topic's result. */
export function topicOutcome(action: () => void): { errorCode: number; errorMessage: string | null } {
  try {
    action();
    return { errorCode: ErrorCode.NONE, errorMessage: null };
  } catch (err) {
    if (!(err instanceof TopicError)) throw err;
    return { errorCode: err.errorCode, errorMessage: err.message };
  }
}
