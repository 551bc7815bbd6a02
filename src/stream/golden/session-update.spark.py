# Generated from the stream cell’s spec by the workbench; not run here.
from pyspark.sql import functions as F

events = spark.readStream.table("app_events")

# Spark has no separate allowed lateness: a window is kept until the watermark
# (newest event time - delay) passes its end, so delay = watermark + allowed_lateness here.
result = (
    events
    .withWatermark("ts", "65 minutes")
    .groupBy(F.session_window("ts", "30 minutes"), "device_id")
    .agg(F.count("*").alias("events"), F.max("ts").alias("last_seen"))
)

query = (
    result.writeStream
    .outputMode("update")
    .trigger(availableNow=True)
    .toTable("sessions")
)
