package org.slaescalation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slaescalation.support.ApplicationTest;
import org.slaescalation.support.Indexes;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The job executor acquires by due date (application.yaml), which wants an index on {@code ACT_RU_JOB(DUEDATE_)};
 * migration V3 adds it once the engine has created its tables. PostgresIntakeOwnJvmTest checks the same on
 * PostgreSQL.
 */
@ApplicationTest
class JobDueDateIndexTest {

  @Autowired DataSource dataSource;

  @Test
  void jobsAreIndexedByDueDate() throws Exception {
    assertThat(Indexes.of(dataSource, "ACT_RU_JOB")).containsEntry("ix_act_ru_job_duedate", List.of("DUEDATE_"));
  }
}
