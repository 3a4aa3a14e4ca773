// Browser side of the static report: renders one BPMN document with bpmn-js and returns it as SVG.
import BpmnViewer from 'bpmn-js/lib/Viewer';

window.renderBpmnSvg = async (xml) => {
  const container = document.createElement('div');
  container.style.width = '1600px';
  container.style.height = '1000px';
  document.body.replaceChildren(container);
  const viewer = new BpmnViewer({ container });
  const { warnings } = await viewer.importXML(xml);
  const { svg } = await viewer.saveSVG();
  viewer.destroy();
  return { svg, warnings: warnings.map((w) => w.message) };
};
