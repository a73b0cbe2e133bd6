-- Every table with an updated_at column gets this trigger, so the column is true even
-- for writes that forget it (bulk fixes, psql sessions, later features).
CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
