DROP TABLE events;
DROP FUNCTION events_append_only();
