-- Generated from the stream cell’s spec by the workbench; not run here.
CREATE TABLE `app_events` (
  `ts` TIMESTAMP(3),
  `device_id` STRING,
  WATERMARK FOR `ts` AS `ts` - INTERVAL '5' MINUTE
) WITH (
  'connector' = 'kafka',
  'topic' = 'app_events',
  'format' = 'json',
  'scan.startup.mode' = 'earliest-offset'
);

-- trigger: once — run the same query as a bounded batch job:
SET 'execution.runtime-mode' = 'batch';

-- allowed_lateness 1 hour, late: update — window table functions in Flink SQL drop late rows;
-- the DataStream API has .allowedLateness(Duration.ofMillis(3600000)) on a window.

INSERT INTO `sessions`
SELECT window_start,
       window_end,
       `device_id`,
       COUNT(*) AS `events`,
       MAX(`ts`) AS `last_seen`
FROM TABLE(
  SESSION(TABLE `app_events` PARTITION BY `device_id`, DESCRIPTOR(`ts`), INTERVAL '30' MINUTE)
)
GROUP BY window_start, window_end, `device_id`;
