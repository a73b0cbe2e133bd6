DROP TABLE event_publication_dead;
