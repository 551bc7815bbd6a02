-- clean_trips: runs once per day; :ds, :ds_start and :ds_end are bound by the operator.
DELETE FROM clean_trips WHERE day = :ds;
INSERT INTO clean_trips
SELECT date(requested_at) AS day, * FROM trips
WHERE requested_at >= :ds_start AND requested_at < :ds_end;
