-- wait_for_trips: sensor query; the task succeeds once it returns a row.
-- :now was the simulated clock in the workbench; here it is the sensor's poke time.
SELECT 1 FROM trip_arrivals WHERE day = :ds AND arrived_at <= :now
