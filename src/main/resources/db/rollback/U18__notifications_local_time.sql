DROP FUNCTION notifications_time_zone(text);
