// ApiVersions (18), v0-3. v3 is flexible; the response header is always v0 so
// a client that does not know our versions can still read the answer.
import { f, type ApiSchema } from "../schema";

export const apiVersions: ApiSchema = {
  apiKey: 18, name: "ApiVersions", versions: "0-3", flexible: "3+",
  request: [
    f("ClientSoftwareName", "string", "3+"),
    f("ClientSoftwareVersion", "string", "3+"),
  ],
  response: [
    f("ErrorCode", "int16", "0+"),
    f("ApiKeys", [f("ApiKey", "int16", "0+"), f("MinVersion", "int16", "0+"), f("MaxVersion", "int16", "0+")], "0+"),
    f("ThrottleTimeMs", "int32", "1+"),
    f("SupportedFeatures", [f("Name", "string", "3+"), f("MinVersion", "int16", "3+"), f("MaxVersion", "int16", "3+")], "3+", { tag: 0 }),
    f("FinalizedFeaturesEpoch", "int64", "3+", { tag: 1, default: -1 }),
    f("FinalizedFeatures", [f("Name", "string", "3+"), f("MaxVersionLevel", "int16", "3+"), f("MinVersionLevel", "int16", "3+")], "3+", { tag: 2 }),
    f("ZkMigrationReady", "bool", "3+", { tag: 3, default: false }),
  ],
};
