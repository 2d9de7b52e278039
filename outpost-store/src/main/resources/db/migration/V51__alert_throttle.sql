-- The alert update throttle's memory: the stream time of the latest message of a thread that went
-- out to people (its opening, or an update that passed the throttle). Kept with the thread so that
-- a restart neither sends an update inside the throttle window again nor forgets the window.
ALTER TABLE alert_threads ADD COLUMN notified_at timestamptz;
