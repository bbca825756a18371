# OffsetDelete through librdkafka's own admin API, rd_kafka_DeleteConsumerGroupOffsets
# (librdkafka >= 1.6), called with ctypes: Debian's confluent-kafka 1.7 does not wrap it.
#   python3 rdkafka-delete-offsets.py BOOTSTRAP GROUP TOPIC:PARTITION... [CONFIG=VALUE...]
# Prints {"error": name or null, "partitions": [[topic, partition, error name], ...]} as JSON.
import ctypes, json, sys

rd = ctypes.CDLL("librdkafka.so.1")

class TopicPartition(ctypes.Structure):
    _fields_ = [("topic", ctypes.c_char_p), ("partition", ctypes.c_int32), ("offset", ctypes.c_int64),
                ("metadata", ctypes.c_void_p), ("metadata_size", ctypes.c_size_t), ("opaque", ctypes.c_void_p),
                ("err", ctypes.c_int), ("_private", ctypes.c_void_p)]

class TopicPartitionList(ctypes.Structure):
    _fields_ = [("cnt", ctypes.c_int), ("size", ctypes.c_int), ("elems", ctypes.POINTER(TopicPartition))]

P = ctypes.c_void_p
for name, restype, argtypes in [
    ("rd_kafka_conf_new", P, []), ("rd_kafka_conf_set", ctypes.c_int, [P, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t]),
    ("rd_kafka_new", P, [ctypes.c_int, P, ctypes.c_char_p, ctypes.c_size_t]), ("rd_kafka_queue_new", P, [P]),
    ("rd_kafka_topic_partition_list_new", ctypes.POINTER(TopicPartitionList), [ctypes.c_int]),
    ("rd_kafka_topic_partition_list_add", P, [ctypes.POINTER(TopicPartitionList), ctypes.c_char_p, ctypes.c_int32]),
    ("rd_kafka_DeleteConsumerGroupOffsets_new", P, [ctypes.c_char_p, ctypes.POINTER(TopicPartitionList)]),
    ("rd_kafka_DeleteConsumerGroupOffsets", None, [P, ctypes.POINTER(P), ctypes.c_size_t, P, P]),
    ("rd_kafka_queue_poll", P, [P, ctypes.c_int]), ("rd_kafka_event_error", ctypes.c_int, [P]),
    ("rd_kafka_event_DeleteConsumerGroupOffsets_result", P, [P]),
    ("rd_kafka_DeleteConsumerGroupOffsets_result_groups", ctypes.POINTER(P), [P, ctypes.POINTER(ctypes.c_size_t)]),
    ("rd_kafka_group_result_error", P, [P]), ("rd_kafka_error_code", ctypes.c_int, [P]),
    ("rd_kafka_group_result_partitions", ctypes.POINTER(TopicPartitionList), [P]),
    ("rd_kafka_err2name", ctypes.c_char_p, [ctypes.c_int]),
]:
    fn = getattr(rd, name)
    fn.restype, fn.argtypes = restype, argtypes

name = lambda code: rd.rd_kafka_err2name(code).decode() if code else None
bootstrap, group, *rest = sys.argv[1:]
partitions = [a for a in rest if "=" not in a]
errstr = ctypes.create_string_buffer(512)
conf = rd.rd_kafka_conf_new()
for setting in [f"bootstrap.servers={bootstrap}"] + [a for a in rest if "=" in a]:
    key, value = setting.split("=", 1)
    if rd.rd_kafka_conf_set(conf, key.encode(), value.encode(), errstr, 512) != 0:
        sys.exit(errstr.value.decode())
rk = rd.rd_kafka_new(0, conf, errstr, 512)
queue = rd.rd_kafka_queue_new(rk)
wanted = rd.rd_kafka_topic_partition_list_new(len(partitions))
for tp in partitions:
    topic, partition = tp.rsplit(":", 1)
    rd.rd_kafka_topic_partition_list_add(wanted, topic.encode(), int(partition))
request = (P * 1)(rd.rd_kafka_DeleteConsumerGroupOffsets_new(group.encode(), wanted))
rd.rd_kafka_DeleteConsumerGroupOffsets(rk, request, 1, None, queue)
event = rd.rd_kafka_queue_poll(queue, 20000)
if not event:
    sys.exit("no answer from librdkafka within 20 s")
if rd.rd_kafka_event_error(event):
    print(json.dumps({"error": name(rd.rd_kafka_event_error(event)), "partitions": []}))
    sys.exit(0)
count = ctypes.c_size_t()
groups = rd.rd_kafka_DeleteConsumerGroupOffsets_result_groups(rd.rd_kafka_event_DeleteConsumerGroupOffsets_result(event), ctypes.byref(count))
error = rd.rd_kafka_group_result_error(groups[0])
listed = rd.rd_kafka_group_result_partitions(groups[0])
rows = [] if not listed else [[listed.contents.elems[i].topic.decode(), listed.contents.elems[i].partition, name(listed.contents.elems[i].err)] for i in range(listed.contents.cnt)]
print(json.dumps({"error": name(rd.rd_kafka_error_code(error)) if error else None, "partitions": rows}))
