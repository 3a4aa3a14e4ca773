// Bundles the script (and styles) of one of the application's pages into one folder, served by the application:
// node build.mjs <output folder> [page]. Pages: review (default; bpmn-js, dmn-js, bpmn-js-differ and their CSS) and
// reports (Chart.js and the report tables).
import { build } from 'esbuild';

const PAGES = { review: 'src/review.js', reports: 'src/reports.js' };

const [outdir, page = 'review'] = process.argv.slice(2);
if (!outdir || !PAGES[page]) {
  console.error(`usage: node build.mjs <output folder> [${Object.keys(PAGES).join('|')}]`);
  process.exit(2);
}

await build({
  entryPoints: [PAGES[page]],
  bundle: true,
  minify: true,
  target: ['es2020'],
  outdir,
  assetNames: '[name]-[hash]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  logLevel: 'warning',
});
