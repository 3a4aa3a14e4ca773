package org.slaescalation.support;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the running application's HTTP API as a logged-in user. */
public final class Api {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  private Api() {}

  public static ResponseEntity<Map<String, Object>> post(TestRestTemplate rest, String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JSON);
  }

  public static ResponseEntity<Map<String, Object>> put(TestRestTemplate rest, String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers), JSON);
  }

  public static ResponseEntity<Map<String, Object>> patch(TestRestTemplate rest, String user, String path,
      String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.PATCH, new HttpEntity<>(json, headers), JSON);
  }

  public static ResponseEntity<Map<String, Object>> get(TestRestTemplate rest, String user, String path) {
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, JSON);
  }

  public static String ticketJson(String externalId, String priority, String tier) {
    return """
        {"externalId": %s, "subject": "Checkout fails", "description": "HTTP 500 on every order",
         "priority": "%s", "category": "incident",
         "customer": {"id": "acme", "name": "ACME", "email": "ops@acme.example", "tier": "%s",
                      "timeZone": "Europe/Amsterdam"}}
        """.formatted(externalId == null ? "null" : "\"" + externalId + "\"", priority, tier);
  }

  /** Executes every due job of a process instance, as the job executor would. */
  public static void executeJobs(ManagementService management, String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }
}
