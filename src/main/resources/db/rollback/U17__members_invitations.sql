DROP TABLE project_invitations;
