-- Select LAR keeps what it read about a viewer and a learner they may view (record/select-lar), and
-- empties it when told, at commit, of a change it depends on. Changes to sessions, accounts, learners'
-- record details and the catalogue are already notified (record_versions); these are the others. They
-- go on the same channel with the payload 'viewing' (the trigger's argument), so that the session
-- caches, which do not depend on them, ignore them.
CREATE OR REPLACE FUNCTION "lar_notify_auth_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lar_auth_changed', COALESCE(TG_ARGV[0], ''));
  RETURN NULL;
END $$;

CREATE TRIGGER "Permission_viewing_changed" AFTER INSERT OR UPDATE OR DELETE ON "Permission"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_notify_auth_changed"('viewing');
CREATE TRIGGER "SignInThrottle_viewing_changed" AFTER INSERT OR UPDATE OR DELETE ON "SignInThrottle"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_notify_auth_changed"('viewing');
CREATE TRIGGER "User_viewing_changed" AFTER UPDATE OF "passwordHash", "userId" ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_notify_auth_changed"('viewing');
CREATE TRIGGER "Learner_viewing_changed" AFTER UPDATE OF "email" ON "Learner"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_notify_auth_changed"('viewing');
