-- The job executor acquires due jobs ordered by due date (job-executor-acquire-by-due-date in application.yaml),
-- polling every half second: without this index each poll sorts ACT_RU_JOB in full. Camunda ships no such index.
-- Flyway runs after the process engine has created its tables (EngineConfiguration.flywayAfterProcessEngine);
-- "if not exists" keeps a database where an administrator already added it migrating.
create index if not exists ix_act_ru_job_duedate on ACT_RU_JOB (DUEDATE_);
