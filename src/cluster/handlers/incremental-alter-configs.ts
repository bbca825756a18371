// IncrementalAlterConfigs (44): sets, deletes, appends to or subtracts from
// single configs of topics and brokers (../configs/changes.ts has Kafka's
// rules and errors); validateOnly checks without changing. Changes persist
// with --data-dir.
import { alterBrokerConfigs, alterTopicConfigs } from "../configs/changes";
import type { AlterConfigsRequest } from "../protocol";
import { alterResources } from "./config-changes";
import type { Handler } from "./handler";
import { incrementalAlterConfigs as schema } from "../protocol/schemas/incremental-alter-configs";

export const incrementalAlterConfigs: Handler = {
  schema,
  handle(ctx, body: AlterConfigsRequest) {
    return alterResources(ctx, body, (current, configs, isTopic) => {
      const changes = configs.map((c) => ({ name: c.name, configOperation: c.configOperation ?? 0, value: c.value }));
      return isTopic ? alterTopicConfigs(current, changes) : alterBrokerConfigs(current, changes);
    });
  },
};
