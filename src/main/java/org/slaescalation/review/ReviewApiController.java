package org.slaescalation.review;

import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The data of the review page: the deployed models, the XML of one version (rendered by bpmn-js and dmn-js in the
 * browser, and diffed there: processes with bpmn-js-differ, decision tables rule by rule) and the overlay data of a
 * process version.
 */
@RestController
@RequestMapping("/review/api")
class ReviewApiController {

  private final ModelReview review;

  ReviewApiController(ModelReview review) {
    this.review = review;
  }

  @GetMapping(path = "/models", produces = MediaType.APPLICATION_JSON_VALUE)
  ModelReview.Models models() {
    return review.models();
  }

  @GetMapping(path = "/processes/{definitionId}/xml", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> processXml(@PathVariable String definitionId) {
    return download(found(review.processXml(definitionId), "process", definitionId), "process.bpmn");
  }

  @GetMapping(path = "/processes/{definitionId}/elements", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ModelReview.ElementView> elements(@PathVariable String definitionId) {
    return found(review.elements(definitionId), "process", definitionId);
  }

  @GetMapping(path = "/decisions/{definitionId}/xml", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> decisionXml(@PathVariable String definitionId) {
    return download(found(review.decisionXml(definitionId), "decision", definitionId), "decision.dmn");
  }

  /**
   * A deployed model as a download: a model may hold markup (an {@code html:script} element) that a browser would
   * run in the service's origin if it rendered the answer as a page. The review page reads it with {@code fetch}.
   */
  private static ResponseEntity<String> download(String xml, String fileName) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(xml);
  }

  private static <T> T found(Optional<T> value, String kind, String definitionId) {
    return value.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "No deployed " + kind + " definition with id '" + definitionId + "'"));
  }
}
