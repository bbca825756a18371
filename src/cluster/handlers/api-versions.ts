// ApiVersions (18): the APIs and version ranges this cluster serves.
// A client asking with a version we do not know gets UNSUPPORTED_VERSION in
// a v0 body listing our versions (Kafka's rule), so it can retry with one we
// do — the connection loop builds that answer; see server/connection.ts.
import { ErrorCode, SUPPORTED_VERSIONS, type ApiVersionsResponse } from "../protocol";
import type { Handler } from "./handler";
import { apiVersions as schema } from "../protocol/schemas/api-versions";

export function apiVersionsBody(errorCode: number): ApiVersionsResponse {
  return { errorCode, apiKeys: SUPPORTED_VERSIONS.map((v) => ({ ...v })), throttleTimeMs: 0 };
}

export const apiVersions: Handler = {
  schema,
  handle: () => apiVersionsBody(ErrorCode.NONE),
};
