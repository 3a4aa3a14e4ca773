package org.slaescalation.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slaescalation.support.Api.get;
import static org.slaescalation.support.Api.post;
import static org.slaescalation.support.Api.put;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slaescalation.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The customer API over HTTP, through the security filter chain, against the whole application. */
@ApplicationTest
@SuppressWarnings("unchecked")
class CustomerApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired CustomerService customers;

  static String unique() {
    return "c" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String customerJson(String id, String email, String tier, String zone) {
    return """
        {"id": %s, "name": "Umbrella Corp", "emails": ["%s", "helpdesk-%s"], "tier": "%s",
         "timeZone": "%s", "accountManagerEmail": "am-%s"}
        """.formatted(id == null ? "null" : "\"" + id + "\"", email, email, tier, zone, email);
  }

  @Test
  void createsReadsAndReplacesACustomer() {
    String id = unique();
    ResponseEntity<Map<String, Object>> created = post(rest, "crm", "/api/customers",
        customerJson(id, id + "@umbrella.example", "business", "Europe/Berlin"));

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/customers/" + id);
    assertThat(created.getBody()).containsEntry("id", id).containsEntry("tier", "business")
        .containsEntry("emails", List.of(id + "@umbrella.example", "helpdesk-" + id + "@umbrella.example"))
        .containsEntry("accountManagerEmail", "am-" + id + "@umbrella.example");
    assertThat(get(rest, "crm", "/api/customers/" + id).getBody()).isEqualTo(created.getBody());

    ResponseEntity<Map<String, Object>> replaced = put(rest, "demo", "/api/customers/" + id, """
        {"name": "Umbrella Corporation", "emails": ["%s@umbrella.example"], "tier": "enterprise",
         "timeZone": "Asia/Tokyo"}""".formatted(id));

    assertThat(replaced.getStatusCode().value()).isEqualTo(200);
    assertThat(get(rest, "crm", "/api/customers/" + id).getBody()).containsEntry("name", "Umbrella Corporation")
        .containsEntry("emails", List.of(id + "@umbrella.example")).containsEntry("tier", "enterprise")
        .containsEntry("timeZone", "Asia/Tokyo").containsEntry("accountManagerEmail", null);
    // The address the replacement dropped is free again.
    assertThat(customers.findByEmail("helpdesk-" + id + "@umbrella.example")).isEmpty();
  }

  @Test
  void putCreatesACustomerThatDoesNotExist() {
    String id = unique();
    ResponseEntity<Map<String, Object>> created = put(rest, "crm", "/api/customers/" + id,
        customerJson(null, id + "@put.example", "free", "UTC"));

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/customers/" + id);
    assertThat(created.getBody()).containsEntry("id", id);
  }

  @Test
  void putRefusesABodyWithAnotherId() {
    String id = unique();
    ResponseEntity<Map<String, Object>> answer = put(rest, "crm", "/api/customers/" + id,
        customerJson("other", id + "@put.example", "free", "UTC"));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat((List<Map<String, Object>>) answer.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactly("id");
  }

  @Test
  void findsTheCustomerOfAnAddress_inAnyCase() {
    String id = unique();
    post(rest, "crm", "/api/customers", customerJson(id, id + "@find.example", "standard", "Europe/Paris"));

    Map<String, Object> page = get(rest, "sam", "/api/customers?email=Helpdesk-" + id.toUpperCase()
        + "@FIND.example").getBody();

    assertThat((List<Map<String, Object>>) page.get("items")).extracting(c -> c.get("id")).containsExactly(id);
    assertThat(page).containsEntry("total", 1).containsEntry("page", 0).containsEntry("size", 20);
    assertThat(customers.findByEmail(id + "@find.example")).map(Customer::id).contains(id);
    assertThat(customers.findById(id)).map(Customer::tier).contains("standard");
    assertThat((List<Object>) get(rest, "sam", "/api/customers?email=nobody-" + id + "@find.example").getBody()
        .get("items")).isEmpty();
  }

  @Test
  void listsTheCustomersByIdAPageAtATime() {
    post(rest, "crm", "/api/customers", customerJson(unique(), unique() + "@list.example", "free", "UTC"));
    post(rest, "crm", "/api/customers", customerJson(unique(), unique() + "@list.example", "free", "UTC"));

    Map<String, Object> first = get(rest, "crm", "/api/customers?page=0&size=2").getBody();
    Map<String, Object> second = get(rest, "crm", "/api/customers?page=1&size=2").getBody();

    List<String> firstIds = ((List<Map<String, Object>>) first.get("items")).stream()
        .map(c -> (String) c.get("id")).toList();
    List<String> secondIds = ((List<Map<String, Object>>) second.get("items")).stream()
        .map(c -> (String) c.get("id")).toList();
    assertThat(firstIds).hasSize(2).isSorted();
    assertThat(secondIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
    assertThat(secondIds.get(0)).isGreaterThan(firstIds.get(1));
    assertThat(first).containsEntry("page", 0).containsEntry("size", 2);
    assertThat(((Number) first.get("total")).longValue()).isGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      size=0     | size
      size=101   | size
      page=-1    | page
      page=first | page
      """)
  void aBadPageParameterIsAProblemNamingIt(String query, String parameter) {
    ResponseEntity<Map<String, Object>> answer = get(rest, "crm", "/api/customers?" + query);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat((List<Map<String, Object>>) answer.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactly(parameter);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      tier        | {"id": "ID", "name": "N", "emails": ["ID@bad.example"], "tier": "gold", "timeZone": "UTC"}
      timeZone    | {"id": "ID", "name": "N", "emails": ["ID@bad.example"], "tier": "free", "timeZone": "CET+1"}
      emails[0]   | {"id": "ID", "name": "N", "emails": ["not an address"], "tier": "free", "timeZone": "UTC"}
      emails      | {"id": "ID", "name": "N", "emails": [], "tier": "free", "timeZone": "UTC"}
      name        | {"id": "ID", "emails": ["ID@bad.example"], "tier": "free", "timeZone": "UTC"}
      id          | {"id": "a b", "name": "N", "emails": ["ID@bad.example"], "tier": "free", "timeZone": "UTC"}
      id          | {"name": "N", "emails": ["ID@bad.example"], "tier": "free", "timeZone": "UTC"}
      emails[1]   | {"id": "ID", "name": "N", "emails": ["ID@bad.example", "ID@BAD.example"], "tier": "free", "timeZone": "UTC"}
      accountManagerEmail | {"id": "ID", "name": "N", "emails": ["ID@bad.example"], "tier": "free", "timeZone": "UTC", "accountManagerEmail": "x"}
      """)
  void anInvalidCustomerIsAProblemNamingTheField(String field, String json) {
    String id = unique();
    ResponseEntity<Map<String, Object>> answer = post(rest, "crm", "/api/customers", json.replace("ID", id));

    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((List<Map<String, Object>>) answer.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactly(field);
    assertThat(customers.findById(id)).isEmpty();
  }

  @Test
  void anUnknownCustomerIsANotFoundProblem() {
    ResponseEntity<Map<String, Object>> answer = get(rest, "crm", "/api/customers/no-such-customer");

    assertThat(answer.getStatusCode().value()).isEqualTo(404);
    assertThat(answer.getBody()).containsEntry("title", "Customer not found")
        .containsEntry("detail", "No customer with id 'no-such-customer'");
  }

  @Test
  void anAddressOfAnotherCustomerOrATakenIdIsAConflict() {
    String first = unique();
    String email = first + "@taken.example";
    post(rest, "crm", "/api/customers", customerJson(first, email, "free", "UTC"));

    String second = unique();
    ResponseEntity<Map<String, Object>> sameAddress = post(rest, "crm", "/api/customers",
        customerJson(second, email.toUpperCase(), "free", "UTC"));
    ResponseEntity<Map<String, Object>> sameAddressByPut = put(rest, "crm", "/api/customers/" + second,
        customerJson(null, email, "free", "UTC"));
    ResponseEntity<Map<String, Object>> sameId = post(rest, "crm", "/api/customers",
        customerJson(first, second + "@taken.example", "free", "UTC"));

    assertThat(sameAddress.getStatusCode().value()).isEqualTo(409);
    assertThat(sameAddress.getBody()).containsEntry("title", "Customer conflict");
    assertThat((String) sameAddress.getBody().get("detail")).contains("belongs to customer '" + first + "'");
    assertThat((List<Map<String, Object>>) sameAddress.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactly("emails[0]");
    assertThat(sameAddressByPut.getStatusCode().value()).isEqualTo(409);
    assertThat(sameId.getStatusCode().value()).isEqualTo(409);
    assertThat((List<Map<String, Object>>) sameId.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactly("id");
    assertThat(customers.findById(second)).isEmpty();
    assertThat(customers.findByEmail(second + "@taken.example")).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      erin   | POST | /api/customers         | 403
      sam    | POST | /api/customers         | 403
      sophie | PUT  | /api/customers/ID     | 403
      erin   | PUT  | /api/customers/ID     | 403
      erin   | GET  | /api/customers        | 200
      sam    | GET  | /api/customers/acme   | 200
      sophie | GET  | /api/customers        | 200
      crm    | POST | /api/customers        | 201
      demo   | PUT  | /api/customers/ID     | 201
      """)
  void onlyAdministratorsAndIntegrationsKeepCustomers_agentsReadThem(String user, String method, String path,
      int status) {
    String id = unique();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "GET".equals(method) ? null : customerJson("PUT".equals(method) ? null : id, id + "@roles.example",
        "enterprise", "UTC");

    ResponseEntity<String> answer = rest.withBasicAuth(user, user)
        .exchange(path.replace("ID", id), HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    if (status == 403) {
      assertThat(answer.getBody()).contains("\"title\":\"Forbidden\"");
      assertThat(customers.findById(id)).isEmpty();
    }
  }

  @Test
  void anonymousCallersAreUnauthorized() {
    assertThat(rest.getForEntity("/api/customers/acme", String.class).getStatusCode().value()).isEqualTo(401);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String id = unique();
    assertThat(rest.exchange("/api/customers", HttpMethod.POST,
        new HttpEntity<>(customerJson(id, id + "@anon.example", "free", "UTC"), headers), String.class)
        .getStatusCode().value()).isEqualTo(401);
    assertThat(customers.findById(id)).isEmpty();
  }

  @Test
  void theDemoTicketsCustomersHaveRecords() {
    assertThat(customers.findById("acme")).map(Customer::accountManagerEmail).contains("alex.accounts@example.com");
    assertThat(customers.findByEmail("it@globex.example")).map(Customer::tier).contains("business");
  }
}
