DROP TABLE scheduled_tasks;
DROP TABLE event_publication;
