-- Reminders and digests go out at the recipient's local time (user_profiles.timezone).
-- The API accepts only IANA zones Java knows, but PostgreSQL's zone database may be
-- older or newer than Java's, and a row may predate the check: an unknown name must
-- not fail the whole job's query (AT TIME ZONE raises), so it counts as UTC, as no
-- zone does. STABLE, not IMMUTABLE: a server upgrade can change the zone database.
CREATE FUNCTION notifications_time_zone(zone text) RETURNS text
    LANGUAGE plpgsql STABLE AS
$$
BEGIN
    IF zone IS NULL THEN
        RETURN 'UTC';
    END IF;
    PERFORM now() AT TIME ZONE zone;
    RETURN zone;
EXCEPTION
    WHEN invalid_parameter_value THEN
        RETURN 'UTC';
END;
$$;
