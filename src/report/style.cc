// The CSS of every HTML page parallax writes or serves.
#include <algorithm>
#include <string>
#include <string_view>

#include "parallax/report.h"

namespace parallax {

namespace {

// The stylesheet. Light theme, system fonts, and a print layout that drops
// the sticky headers and scrolling so every column reaches the paper.
constexpr std::string_view kStyle = R"css(
:root { --ink: #1d232b; --muted: #5f6b78; --faint: #8d96a0; --line: #dde2e8;
  --paper: #ffffff; --wash: #f4f6f8; --accent: #2a5ca8; --shared: #eef4fc;
  --unique: #fff5d9; --loaded: #ffd8cf; --quoted: #e7e1f6; --warn: #8a4b00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--wash); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  "Helvetica Neue", Arial, sans-serif; }
header.page { background: var(--paper); border-bottom: 1px solid var(--line);
  padding: 1.5rem 2rem 1rem; }
.kicker { margin: 0; color: var(--muted); font-size: .8rem; letter-spacing: .06em;
  text-transform: uppercase; }
h1 { margin: .2rem 0 .6rem; font-size: 1.7rem; line-height: 1.25; }
h2 { margin: 0 0 .4rem; font-size: 1.3rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--ink); }
h3 { margin: 1.2rem 0 .4rem; font-size: 1.05rem; }
main { padding: 0 2rem 3rem; }
section { margin-top: 2.2rem; }
.lede { margin: .3rem 0 .9rem; color: var(--muted); max-width: 60rem; }
.verdict { display: inline-block; margin: 0 0 .8rem; padding: .15rem .6rem;
  border-radius: 1rem; font-weight: 600; font-size: .9rem; }
.verdict.same { background: #e1f1e4; color: #1f5f2c; }
.verdict.different { background: #fbe6dc; color: #873a12; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.2rem;
  margin: 0 0 1rem; }
dl.summary dt { color: var(--muted); }
dl.summary dd { margin: 0; }
nav.sections a { margin-right: 1.2rem; color: var(--accent); text-decoration: none;
  font-weight: 600; }
table { border-collapse: collapse; background: var(--paper); }
th, td { border: 1px solid var(--line); padding: .45rem .6rem; text-align: left;
  vertical-align: top; }
thead th { background: var(--wash); font-size: .85rem; }
table.similarity { margin-bottom: 1rem; }
table.similarity td { text-align: right; font-variant-numeric: tabular-nums; }
.grid-scroll { overflow-x: auto; }
.grid { display: grid; background: var(--paper); border: 1px solid var(--line); }
.grid > div, .fact > div { padding: .5rem .7rem; border-bottom: 1px solid var(--line);
  border-left: 1px solid var(--line); min-width: 0; overflow-wrap: anywhere; }
.fact { display: contents; }
.corner { background: var(--paper); }
.outlet-column { position: sticky; top: 0; z-index: 1; background: var(--paper);
  border-bottom: 2px solid var(--ink) !important; border-top: 4px solid var(--accent); }
.outlet-column .outlet { display: block; font-weight: 700; }
.outlet-column .title { display: block; font-size: .88rem; }
.outlet-column .date { display: block; font-size: .78rem; color: var(--muted); }
.accent-1 { border-top-color: #b5452d; } .accent-2 { border-top-color: #2f8a57; }
.accent-3 { border-top-color: #8a4fb0; } .accent-4 { border-top-color: #c08a12; }
.accent-5 { border-top-color: #2b8a96; }
.fact-label { font-size: .75rem; color: var(--muted); text-align: right; }
.fact.shared > .cell.reported { background: var(--shared); }
.fact.unique > .cell.own { background: var(--unique); box-shadow: inset 3px 0 0 #d9a300; }
.cell.missing { color: var(--faint); font-style: italic; font-size: .85rem; }
.sentence { margin: 0 0 .35rem; }
.sentence:last-child { margin-bottom: 0; }
.sentence.off-body { color: var(--faint); }
a.src { margin-left: .3em; font-size: .72rem; color: var(--faint); text-decoration: none; }
span.relation { margin-left: .3em; font-size: .72rem; color: var(--faint); }
mark.loaded { background: var(--loaded); color: inherit; padding: 0 .1em; border-radius: 2px; }
mark.loaded[data-in-quote] { background: var(--quoted); }
table.quotes { width: 100%; table-layout: fixed; }
table.quotes th.speaker { width: 13rem; background: var(--paper); }
.speaker .name { display: block; font-weight: 700; }
.speaker .aka, .speaker .type, .speaker .reach { display: block; font-size: .78rem;
  color: var(--muted); font-weight: 400; }
blockquote.quote { margin: 0 0 .7rem; padding-left: .6rem; border-left: 3px solid var(--line);
  overflow-wrap: anywhere; }
blockquote.quote:last-child { margin-bottom: 0; }
blockquote.quote.same-passage { border-left-color: var(--accent); }
blockquote.quote p { margin: 0; }
.quote-meta { font-size: .78rem; color: var(--muted); }
.badge { display: inline-block; margin-right: .3em; padding: 0 .45em; border-radius: .7em;
  background: #e4e8ed; color: var(--ink); font-size: .72rem; white-space: nowrap; }
.badge.same { background: #dbe6f7; color: #1d4580; }
.badge.trimmed { background: #fbe9c9; color: var(--warn); }
.note { display: block; margin-top: .3rem; font-size: .8rem; color: var(--warn); }
tr.unknown-speaker th { color: var(--muted); font-style: italic; }
table.wording { width: 100%; }
table.wording td.term { font-weight: 600; white-space: nowrap; }
table.wording td.category { white-space: nowrap; }
tr.quoted td.whose { color: #5b4a8a; }
tr.own td.whose { font-weight: 600; }
.empty { color: var(--muted); font-style: italic; }
article.full-text { background: var(--paper); border: 1px solid var(--line);
  padding: .8rem 1.2rem; margin-bottom: 1rem; max-width: 52rem; }
article.full-text h3 { margin-top: 0; }
.meta { font-size: .82rem; color: var(--muted); margin: 0 0 .6rem;
  overflow-wrap: anywhere; }
.para { margin: 0 0 .7rem; }
.para.role-caption, .para.role-boilerplate, .para.role-off_topic { color: var(--faint); }
.para.role-caption { font-style: italic; }
.para.role-boilerplate, .para.role-off_topic {
  border-left: 3px dashed var(--line); padding-left: .6rem; }
.role-label { display: inline-block; margin-right: .5em; padding: 0 .4em;
  border: 1px solid var(--line); border-radius: .3em; font-size: .68rem;
  font-style: normal; letter-spacing: .04em; text-transform: uppercase; }
nav.site { background: var(--ink); padding: .45rem 2rem; display: flex; flex-wrap: wrap; gap: .2rem 0; }
table.stories { width: 100%; border-collapse: collapse; background: var(--paper); }
table.stories th, table.stories td { text-align: left; vertical-align: top; padding: .45rem .6rem;
  border-bottom: 1px solid var(--line); }
table.stories td.size, table.stories td.when { white-space: nowrap; color: var(--muted); }
table.stories .count { font-weight: 700; margin-right: .3em; }
table.stories td.headline a { color: var(--accent); font-weight: 600; }
table.stories .voices { font-size: .85rem; color: var(--muted); margin-top: .2rem; }
table.stories .voices .name { color: var(--ink, inherit); }
table.stories .voices .n { font-size: .75rem; }
ol.timeline { background: var(--paper); border: 1px solid var(--line); padding: .8rem 1.2rem .8rem 2.6rem;
  max-width: 52rem; }
ol.timeline li { margin: .2rem 0; }
ol.timeline .when { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: .4rem; }
ol.timeline .copy { color: var(--muted); font-size: .85rem; }
form.search { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; margin-top: .6rem; }
form.search label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
form.search input, form.search select, form.search button { font: inherit; padding: .25rem .4rem; }
form.search input[type=search] { min-width: min(22rem, 80vw); }
ul.hits { list-style: none; padding: 0; margin: 0 0 1rem; }
ul.hits li { background: var(--paper); border: 1px solid var(--line); padding: .5rem .8rem; margin-bottom: .4rem; }
ul.hits .snippet { color: var(--muted); }
ul.hits .when { color: var(--muted); font-size: .85rem; }
section.hits h2 { font-size: 1.1rem; border-bottom: 1px solid var(--line); }
nav.pages { margin: 1rem 0; display: flex; gap: 1.2rem; align-items: baseline; }
.bar { display: inline-flex; width: 9rem; height: .8rem; border: 1px solid var(--line);
  background: var(--paper); vertical-align: middle; }
.bar .seg { display: block; height: 100%; }
.g0 { background: #2a5ca8; } .g1 { background: #8b8f94; } .g2 { background: #b8322f; }
.g3 { background: #4f8a3c; } .g4 { background: #8a5fb8; } .g5 { background: #c9892b; }
.unrated { background: repeating-linear-gradient(45deg, #eef0f3 0 3px, #d5dae0 3px 6px); }
.legend .key { display: inline-block; width: .8rem; height: .8rem; margin: 0 .25rem 0 .6rem;
  vertical-align: middle; border: 1px solid var(--line); }
.blindspot { display: inline-block; margin-top: .2rem; padding: 0 .4em; border-radius: .3em;
  background: #fde7c2; color: var(--warn); font-size: .78rem; font-weight: 600; }
.w0 { width: 0%; } .w5 { width: 5%; } .w10 { width: 10%; } .w15 { width: 15%; } .w20 { width: 20%; } .w25 { width: 25%; } .w30 { width: 30%; } .w35 { width: 35%; } .w40 { width: 40%; } .w45 { width: 45%; } .w50 { width: 50%; } .w55 { width: 55%; } .w60 { width: 60%; } .w65 { width: 65%; } .w70 { width: 70%; } .w75 { width: 75%; } .w80 { width: 80%; } .w85 { width: 85%; } .w90 { width: 90%; } .w95 { width: 95%; } .w100 { width: 100%; }
table.stories { table-layout: auto; }
nav.pages span { color: var(--muted); }
nav.sections { margin: .4rem 0 0; }
p.downloads { margin: .5rem 0 0; font-size: .85rem; color: var(--muted); }
p.downloads a { color: var(--accent); }
table.weeks { width: 100%; }
table.weeks td.when, table.weeks td.size { white-space: nowrap; color: var(--muted); }
ul.counts { list-style: none; margin: 0; padding: 0; }
ul.counts li { margin: 0 0 .15rem; }
ul.counts .name { font-weight: 600; }
ul.counts .n { color: var(--muted); font-size: .82rem; }
nav.site a { color: #fff; margin-right: 1.2rem; font-weight: 600; text-decoration: none; }
nav.site a:hover, nav.site a:focus { text-decoration: underline; }
@media (max-width: 700px) {
  nav.site { padding: .45rem 1rem; }
  header.page { padding: 1rem 1rem .8rem; }
  main { padding: 1rem; }
  h1 { font-size: 1.35rem; }
  table.stories, table.stories tbody, table.stories tr, table.stories td { display: block; width: 100%; }
  table.stories thead { display: none; }
  table.stories tr { border-bottom: 1px solid var(--line); padding: .4rem 0; }
  table.stories td { border: 0; padding: .1rem .6rem; }
  table.stories td.size::before { content: "Articles: "; }
  table.stories td.when { display: inline-block; width: auto; }
  table.weeks, table.weeks tbody, table.weeks tr, table.weeks td { display: block; width: 100%; }
  table.weeks thead { display: none; }
  table.weeks td { border: 0; padding: .1rem .6rem; }
  table.weeks tr { border-bottom: 1px solid var(--line); padding: .4rem 0; }
  form.search { flex-direction: column; align-items: stretch; }
  form.search input[type=search] { min-width: 0; }
  .legend { font-size: .85rem; }
  dl.summary { grid-template-columns: 1fr; }
  table.similarity { display: block; overflow-x: auto; }
}
@media print {
  nav.site { display: none; }
  body { background: #fff; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header.page { border: 0; padding: 0 0 1rem; }
  main { padding: 0; }
  nav.sections, a.src { display: none; }
  .grid-scroll { overflow: visible; }
  .outlet-column { position: static; }
  .fact > div, blockquote.quote, tr, .para { break-inside: avoid; }
  article.full-text { border: 0; padding: 0; max-width: none; }
}
)css";

}  // namespace

std::string_view HtmlStyleSheet() { return kStyle; }

std::string HtmlGridStyleSheet(size_t columns) {
  // The column count is ours (a number), so it is safe to write into CSS.
  return ".grid { grid-template-columns: 4.5rem repeat(" + std::to_string(std::max<size_t>(columns, 1)) +
         ", minmax(15rem, 1fr)); }\n";
}

}  // namespace parallax
