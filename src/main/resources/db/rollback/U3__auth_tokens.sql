DROP TABLE user_identities;
DROP TABLE signing_keys;
DROP TABLE one_time_tokens;
DROP TABLE api_tokens;
DROP TABLE refresh_tokens;
