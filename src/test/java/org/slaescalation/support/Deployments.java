package org.slaescalation.support;

import java.nio.charset.StandardCharsets;

/** A deployment as the REST API takes it ({@code POST .../deployment/create}, multipart), and a model to deploy. */
public final class Deployments {

  public static final String BOUNDARY = "----sla-escalation-test";
  public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  private Deployments() {}

  /**
   * A process whose timer start event fires at once and whose script task would run code on the server, as an
   * attacker would deploy it.
   */
  public static String attackerModel(String processId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="test">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Now">
              <bpmn:timerEventDefinition><bpmn:timeDate>2000-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_Run" sourceRef="StartEvent_Now" targetRef="Task_Run" />
            <bpmn:serviceTask id="Task_Run"
                camunda:expression="${''.getClass().forName('java.lang.Runtime').getRuntime().availableProcessors()}" />
            <bpmn:sequenceFlow id="Flow_End" sourceRef="Task_Run" targetRef="EndEvent_Done" />
            <bpmn:endEvent id="EndEvent_Done" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processId);
  }

  /** The multipart body of a deployment named {@code name} with one BPMN file. */
  public static byte[] body(String name, String bpmn) {
    String body = "--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
        + "--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"" + name + ".bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n"
        + "--" + BOUNDARY + "--\r\n";
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
