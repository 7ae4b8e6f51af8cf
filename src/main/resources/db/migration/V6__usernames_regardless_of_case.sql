-- Usernames are unique regardless of case: "Ana" and "ana" are one user, found by either spelling.
ALTER TABLE app_user ADD COLUMN username_key VARCHAR(100);
UPDATE app_user SET username_key = LOWER(username);
ALTER TABLE app_user ALTER COLUMN username_key SET NOT NULL;
ALTER TABLE app_user ADD CONSTRAINT uk_app_user_username_key UNIQUE (username_key);
