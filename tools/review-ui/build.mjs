// Bundles the review page's script and styles (bpmn-js, dmn-js, bpmn-js-differ and their CSS) into one folder,
// served by the application: node build.mjs <output folder>
import { build } from 'esbuild';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs <output folder>');
  process.exit(2);
}

await build({
  entryPoints: ['src/review.js'],
  bundle: true,
  minify: true,
  target: ['es2020'],
  outdir,
  assetNames: '[name]-[hash]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  logLevel: 'warning',
});
