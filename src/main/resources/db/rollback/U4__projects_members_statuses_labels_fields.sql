DROP TABLE custom_fields;
DROP TABLE labels;
DROP TABLE statuses;
DROP TABLE project_members;
DROP TABLE projects;
