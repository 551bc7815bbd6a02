-- build_mart: runs once per day; :ds, :ds_start and :ds_end are bound by the operator.
DELETE FROM daily_city_metrics WHERE day = :ds;
INSERT INTO daily_city_metrics SELECT day, city, count(*) FROM clean_trips WHERE day = :ds GROUP BY day, city;
