DROP TABLE comments;
DROP TABLE task_labels;
DROP TABLE tasks;
