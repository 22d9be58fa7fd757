-- Live events: announce each new events row to every listening server instance at commit.
CREATE OR REPLACE FUNCTION events_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('pantau_events', NEW.id::text);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER events_notify_insert AFTER INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION events_notify();
