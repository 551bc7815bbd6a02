-- test_mart: data test 'unique' (passes when the first value is true)
SELECT COUNT(*) = 0 FROM (
  SELECT "day", "city" FROM "daily_city_metrics"
  WHERE "day" IS NOT NULL AND "city" IS NOT NULL
  GROUP BY "day", "city" HAVING COUNT(*) > 1
) AS duplicates;
