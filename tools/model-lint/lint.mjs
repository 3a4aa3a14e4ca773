// Lints BPMN models with bpmnlint (rules from .bpmnlintrc) and with Camunda Modeler's own linter
// (@camunda/linting) for the execution platform the service runs on. Any report fails: error, warning, and
// the Modeler's "info" (e.g. a missing historyTimeToLive), so the Modeler's problems panel stays empty.
//
//   node lint.mjs [--config <.bpmnlintrc>] [--platform "Camunda Platform"] [--platform-version 7.24.0]
//                 [--json <result file>] <file or folder>...
//
// Folders are searched (not recursively) for *.bpmn files. Prints one line per problem:
//   <file>: <element id> <error|warning> <rule>: <message>
// and exits with 1 if there is any, 2 if the arguments or a file cannot be read.

import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { Linter: BpmnLinter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = await import('bpmn-moddle');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');
const modelerModdle = require('modeler-moddle/resources/modeler.json');

// Built by `npm run build` (esbuild), see package.json.
const { Linter: CamundaLinter } = await import('./dist/camunda-linting.mjs');

// npm run executes in this folder; INIT_CWD is where the caller stood, so paths read as the caller typed them.
const callerDir = process.env.INIT_CWD || process.cwd();

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    config: { type: 'string', default: '.bpmnlintrc' },
    platform: { type: 'string', default: 'Camunda Platform' },
    'platform-version': { type: 'string', default: '7.24.0' },
    json: { type: 'string' }
  }
});

if (positionals.length === 0) {
  console.error('Usage: node lint.mjs [--config .bpmnlintrc] [--platform-version 7.24.0] <file or folder>...');
  process.exit(2);
}

async function bpmnFiles(args) {
  const files = [];
  for (const arg of args) {
    const target = path.resolve(callerDir, arg);
    if ((await stat(target)).isDirectory()) {
      const names = (await readdir(target)).filter(name => name.endsWith('.bpmn')).sort();
      files.push(...names.map(name => path.join(target, name)));
    } else {
      files.push(target);
    }
  }
  return files;
}

const moddle = new BpmnModdle({ camunda: camundaModdle, modeler: modelerModdle });
const bpmnlintConfig = JSON.parse(await readFile(path.resolve(callerDir, options.config), 'utf8'));
const bpmnlint = new BpmnLinter({ config: bpmnlintConfig, resolver: new NodeResolver() });
const camundaLinter = new CamundaLinter({ type: 'platform', modeler: 'desktop' });

const severity = category => (category === 'warn' ? 'warning' : category);

async function lint(file) {
  const problems = [];
  const { rootElement: definitions, warnings } = await moddle.fromXML(await readFile(file, 'utf8'));

  // Unknown elements and dangling references make the Modeler and the engine read a different model than we lint.
  for (const warning of warnings) {
    problems.push({ id: warning.element?.id || definitions.id, category: 'error', rule: 'xml', message: warning.message });
  }

  // The Modeler picks its rules from these two attributes and lints nothing when they are missing.
  const declared = [definitions.get('modeler:executionPlatform'), definitions.get('modeler:executionPlatformVersion')];
  if (declared[0] !== options.platform || declared[1] !== options['platform-version']) {
    problems.push({
      id: definitions.id, category: 'error', rule: 'execution-platform',
      message: `declares execution platform ${declared.join(' ')}; set ${options.platform} ${options['platform-version']}`
    });
    definitions.set('modeler:executionPlatform', options.platform);
    definitions.set('modeler:executionPlatformVersion', options['platform-version']);
  }

  for (const [rule, reports] of Object.entries(await bpmnlint.lint(definitions))) {
    problems.push(...reports.map(report => ({ ...report, rule: `bpmnlint/${rule}` })));
  }
  for (const report of await camundaLinter.lint(definitions)) {
    problems.push({ ...report, rule: `camunda/${report.rule}` });
  }
  return problems;
}

let problemCount = 0;
let fileCount = 0;
const byFile = {};
try {
  for (const file of await bpmnFiles(positionals)) {
    fileCount++;
    const shown = path.relative(callerDir, file);
    byFile[path.basename(file)] = [];
    for (const problem of await lint(file)) {
      problemCount++;
      byFile[path.basename(file)].push({ id: problem.id, rule: problem.rule, category: severity(problem.category),
        message: problem.message });
      console.log(`${shown}: ${problem.id} ${severity(problem.category)} ${problem.rule}: ${problem.message}`);
    }
  }
  if (options.json) {
    // For the static review report (mvn -Pmodel-review verify): the result keyed by file name.
    const target = path.resolve(callerDir, options.json);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, JSON.stringify(byFile, null, 2));
  }
} catch (error) {
  console.error(`model-lint: ${error.message}`);
  process.exit(2);
}

if (fileCount === 0) {
  console.error(`model-lint: no .bpmn file in ${positionals.join(' ')}`);
  process.exit(2);
}
if (problemCount > 0) {
  console.log(`model-lint: ${problemCount} problem(s) in ${fileCount} BPMN file(s); every report fails the build`);
  process.exit(1);
}
console.log(`model-lint: ${fileCount} BPMN file(s) pass bpmnlint and Camunda Modeler's linter (${options.platform} ${options['platform-version']})`);
