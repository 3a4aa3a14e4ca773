package org.slaescalation.review;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The data of the review page: the deployed models, the XML of one version (rendered by bpmn-js and dmn-js in the
 * browser, and diffed there with bpmn-js-differ) and the overlay data of a process version.
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
  String processXml(@PathVariable String definitionId) {
    return found(review.processXml(definitionId), "process", definitionId);
  }

  @GetMapping(path = "/processes/{definitionId}/elements", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ModelReview.ElementView> elements(@PathVariable String definitionId) {
    return found(review.elements(definitionId), "process", definitionId);
  }

  @GetMapping(path = "/decisions/{definitionId}/xml", produces = MediaType.APPLICATION_XML_VALUE)
  String decisionXml(@PathVariable String definitionId) {
    return found(review.decisionXml(definitionId), "decision", definitionId);
  }

  private static <T> T found(Optional<T> value, String kind, String definitionId) {
    return value.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "No deployed " + kind + " definition with id '" + definitionId + "'"));
  }
}
