-- The survey answers by score of /actuator/prometheus (csat.CsatMetrics), read at every scrape on every node. A
-- count over csat_answer reads every answer ever given: PostgreSQL reads the table in full for it, even with an
-- index on the rating (CsatMetricsPlanOwnJvmTest). So the counts are kept here, one row per score, raised in the
-- transaction that records an answer (csat.SurveyAnswers), and a scrape reads five rows by the primary key.
create table csat_score (
  score smallint primary key,
  answers bigint not null,
  constraint ck_csat_score check (score between 1 and 5)
);
insert into csat_score (score, answers) values (1, (select count(*) from csat_answer where rating = 1));
insert into csat_score (score, answers) values (2, (select count(*) from csat_answer where rating = 2));
insert into csat_score (score, answers) values (3, (select count(*) from csat_answer where rating = 3));
insert into csat_score (score, answers) values (4, (select count(*) from csat_answer where rating = 4));
insert into csat_score (score, answers) values (5, (select count(*) from csat_answer where rating = 5));
