-- Generated from the stream cell’s spec by the workbench; not run here.
CREATE TABLE `trips` (
  `pickup_at` TIMESTAMP(3),
  `city` STRING,
  `fare` DOUBLE,
  `rider_id` STRING,
  WATERMARK FOR `pickup_at` AS `pickup_at` - INTERVAL '2' MINUTE
) WITH (
  'connector' = 'kafka',
  'topic' = 'trips',
  'format' = 'json',
  'scan.startup.mode' = 'earliest-offset'
);

INSERT INTO `trips_hourly`
SELECT window_start,
       window_end,
       `city`,
       COUNT(*) AS `trips`,
       SUM(`fare`) AS `fare_total`,
       COUNT(DISTINCT `rider_id`) AS `riders`
FROM TABLE(
  HOP(TABLE `trips`, DESCRIPTOR(`pickup_at`), INTERVAL '15' MINUTE, INTERVAL '1' HOUR)
)
GROUP BY window_start, window_end, `city`;
