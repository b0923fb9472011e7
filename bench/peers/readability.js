// Readability.js (Mozilla) on every file of a directory, for
// bench/extract-vs-peers: parses each page with jsdom, runs
// new Readability(document).parse() and writes its textContent to
// OUT_DIR/<name>.txt (<name> = file name without ".html"). One process, one
// page at a time. A page Readability gives up on (or that throws) gets an
// empty file, so the scorer counts it as an empty prediction.
//
//   NODE_PATH=bench/.cache/node/node_modules node bench/peers/readability.js IN_DIR OUT_DIR
'use strict';

const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

function main() {
  const [inDir, outDir] = process.argv.slice(2);
  if (!inDir || !outDir) {
    console.error('usage: readability.js IN_DIR OUT_DIR');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  // jsdom reports CSS it cannot parse on the console; that is noise here.
  const quiet = new VirtualConsole();
  let failed = 0;
  const files = fs.readdirSync(inDir).filter((f) => f.endsWith('.html')).sort();
  for (const file of files) {
    const html = fs.readFileSync(path.join(inDir, file), 'utf8');
    let text = '';
    try {
      const dom = new JSDOM(html, { virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      if (article && article.textContent) text = article.textContent;
      dom.window.close();
    } catch (error) {
      failed++;
      console.error(`readability.js: ${file}: ${error.message}`);
    }
    fs.writeFileSync(path.join(outDir, file.replace(/\.html$/, '.txt')), text);
  }
  if (failed > 0) console.error(`readability.js: ${failed} of ${files.length} pages failed`);
}

main();
