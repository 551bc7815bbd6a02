-- Generated from the stream cell’s spec by the workbench; not run here.
CREATE TABLE `arrivals` (
  `event_time` TIMESTAMP(3),
  WATERMARK FOR `event_time` AS `event_time` - INTERVAL '10' MINUTE
  -- … and the columns the WHERE condition below uses
) WITH (
  'connector' = 'kafka',
  'topic' = 'arrivals',
  'format' = 'json',
  'scan.startup.mode' = 'earliest-offset'
);

-- trigger: every 5 minutes — Flink has no processing-time micro-batch trigger for SQL windows;
-- windows fire when the watermark passes their end, as with each-event.

-- allowed_lateness 5 minutes, late: side-table — window table functions in Flink SQL drop late rows;
-- the DataStream API has .allowedLateness(Duration.ofMillis(300000)) and .sideOutputLateData(lateTag) on a window.

INSERT INTO `stream_counts`
SELECT window_start,
       window_end,
       COUNT(*) AS `requests`
FROM TABLE(
  TUMBLE(TABLE `arrivals`, DESCRIPTOR(`event_time`), INTERVAL '15' MINUTE)
)
WHERE button = 'request_ride'
GROUP BY window_start, window_end;
