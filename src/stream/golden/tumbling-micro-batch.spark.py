# Generated from the stream cell’s spec by the workbench; not run here.
from pyspark.sql import functions as F

events = spark.readStream.table("arrivals")

# Spark has no separate allowed lateness: a window is kept until the watermark
# (newest event time - delay) passes its end, so delay = watermark + allowed_lateness here.
# late: side-table — Spark drops rows behind the watermark and has no side output for them.
result = (
    events
    .where("button = 'request_ride'")
    .withWatermark("event_time", "15 minutes")
    .groupBy(F.window("event_time", "15 minutes"))
    .agg(F.count("*").alias("requests"))
)

query = (
    result.writeStream
    .outputMode("append")
    .trigger(processingTime="5 minutes")
    .toTable("stream_counts")
)
