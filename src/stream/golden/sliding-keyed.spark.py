# Generated from the stream cell’s spec by the workbench; not run here.
from pyspark.sql import functions as F

events = spark.readStream.table("trips")

# Spark has no separate allowed lateness: a window is kept until the watermark
# (newest event time - delay) passes its end, so delay = watermark + allowed_lateness here.
result = (
    events
    .withWatermark("pickup_at", "2 minutes")
    .groupBy(F.window("pickup_at", "1 hour", "15 minutes"), "city")
    .agg(F.count("*").alias("trips"), F.sum("fare").alias("fare_total"), F.countDistinct("rider_id").alias("riders"))
)

query = (
    result.writeStream
    .outputMode("append")
    # each-event: Spark runs the next micro-batch as soon as the last one ends (no trigger set)
    .toTable("trips_hourly")
)
