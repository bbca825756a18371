// AlterConfigs (33), the API kafkajs's admin.alterConfigs uses: a topic's (or
// broker's) dynamic configs become exactly the ones given, checked as
// IncrementalAlterConfigs checks them.
import { replaceConfigs } from "../configs/changes";
import type { AlterConfigsRequest } from "../protocol";
import { alterResources } from "./config-changes";
import type { Handler } from "./handler";
import { alterConfigs as schema } from "../protocol/schemas/alter-configs";

export const alterConfigs: Handler = {
  schema,
  handle(ctx, body: AlterConfigsRequest) {
    return alterResources(ctx, body, (_current, configs, isTopic) => replaceConfigs(configs, isTopic));
  },
};
