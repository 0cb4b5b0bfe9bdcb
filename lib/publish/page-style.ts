// The public pages' stylesheet, inlined so that a page is one self-contained file.
// Large-text mode (适老化) needs no script: the link targets #large, and :target
// enlarges everything inside it. Colours meet WCAG AA contrast.
export const PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2933;background:#fff;line-height:1.8}
.page{max-width:60rem;margin:0 auto;padding:0 1rem 2rem;font-size:1rem}
#large:target{font-size:1.3rem}
#large:target .large-on,.large-off{display:none}
#large:target .large-off{display:inline}
a{color:#0b4f9c}
a:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.skip{position:absolute;left:-9999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem 1rem}
header.site{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;padding:.75rem 0;border-bottom:3px solid #9b1c1c}
header.site>a{font-weight:700;color:#9b1c1c;text-decoration:none}
.crumbs{margin:.5rem 0;font-size:.9em}
h1{font-size:1.6em;text-align:center;line-height:1.4;margin:1.5rem 0}
h2{font-size:1.25em;margin:1.5rem 0 .5rem}
h3{font-size:1.05em;margin:1rem 0 .25rem}
p{margin:.4rem 0}
article p{text-indent:2em}
dl.meta{display:grid;grid-template-columns:1fr 1fr;margin:0;background:#f5f7fa;border:1px solid #cbd2d9;border-width:1px 0 0 1px;font-size:.95em}
dl.meta div{display:grid;grid-template-columns:5.5em minmax(0,1fr)}
dl.meta dt,dl.meta dd{margin:0;padding:.35rem .6rem;border:1px solid #cbd2d9;border-width:0 1px 1px 0;overflow-wrap:anywhere}
dl.meta dt{font-weight:600}
@media (max-width:36rem){dl.meta{grid-template-columns:1fr}}
.scroll{overflow-x:auto}
table.form{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9em}
table.form caption{font-weight:700;text-align:left;padding:.25rem 0}
table.form th,table.form td{border:1px solid #52606d;padding:.3rem .4rem;text-align:center}
table.form th[scope=row]{text-align:left;font-weight:normal}
table.form .block-caption{text-align:left;background:#f5f7fa}
table.form .header-note{font-size:.85em}
.notice,.correction{background:#fff8e6;border:1px solid #d69e2e;padding:.5rem .75rem;margin:1rem 0;text-indent:0}
.changes ul{padding-left:1.25rem}
.changes li{margin:.25rem 0}
del{color:#9b1c1c;text-decoration:line-through}
ins{color:#135e2b;text-decoration:underline}
.chart{margin:0}
.chart figcaption{font-weight:600}
.chart svg text{fill:#1f2933}
table.chart-data{border-collapse:collapse;margin-top:.5rem;font-size:.9em}
table.chart-data th,table.chart-data td{border:1px solid #cbd2d9;padding:.2rem .6rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer.site{margin-top:2rem;border-top:1px solid #cbd2d9;font-size:.9em;color:#52606d}
ul.plain{list-style:none;padding:0}
ul.plain li{padding:.35rem 0;border-bottom:1px solid #eef1f4}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}
form.search label{display:flex;flex-direction:column;font-size:.9em}
form.search input,form.search button{font:inherit;padding:.35rem .5rem}
@media print{
  @page{size:A4;margin:2cm 1.5cm}
  header.site nav,.crumbs,.downloads,.skip,.charts svg{display:none}
  .page{max-width:none;padding:0;font-size:12pt}
  a{color:inherit;text-decoration:none}
  table.form{page-break-inside:avoid;font-size:9pt}
  h2{page-break-after:avoid}
  .scroll{overflow:visible}
}
`;
