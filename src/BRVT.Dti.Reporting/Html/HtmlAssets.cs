namespace BRVT.Dti.Reporting.Html;

/// <summary>The inline style sheet and scripts of the HTML report (no external file, font or network access).</summary>
internal static class HtmlAssets
{
    /// <summary>Installed first: any script error is written into the page, where a test (or a person) can see it.</summary>
    public const string ErrorTrap =
        "window.onerror=function(message,source,line,column){var t=document.body||document.documentElement;" +
        "var p=t.getAttribute('data-errors');t.setAttribute('data-errors',(p?p+' | ':'')+String(message)+' @'+line+':'+column);};";

    /// <summary>Runs last: the unit table's filter, then the marker that the page finished without error.</summary>
    public const string Ready =
        "(function(){var input=document.getElementById('unit-filter');var rows=document.querySelectorAll('#units-table tbody tr[data-unit]');" +
        "if(input){input.hidden=false;input.addEventListener('input',function(){var q=input.value.toLowerCase();" +
        "for(var i=0;i<rows.length;i++){rows[i].hidden=q.length>0&&rows[i].textContent.toLowerCase().indexOf(q)<0;}});}" +
        "document.body.dataset.ready='1';})();";

    public const string Styles = """
:root{--ink:#1c2530;--muted:#5f6b7a;--line:#d9dee5;--soft:#f4f6f9;--accent:#12355b;--accent-2:#2f6db5}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 "Segoe UI","Noto Sans","Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif}
.page{max-width:1120px;margin:0 auto;padding:24px 28px 48px}
header.masthead{border-bottom:3px solid var(--accent);padding-bottom:14px;margin-bottom:18px}
.eyebrow{margin:0;color:var(--muted);font-size:13px;letter-spacing:.04em;text-transform:uppercase}
h1{margin:4px 0 6px;font-size:26px;line-height:1.25;color:var(--accent)}
h2{margin:34px 0 6px;font-size:21px;color:var(--accent);border-bottom:1px solid var(--line);padding-bottom:4px}
h3{margin:20px 0 6px;font-size:17px}
.gloss{color:var(--muted);font-weight:400;font-size:.78em;margin-left:.4em}
.meta{margin:0;color:var(--muted)}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0 0;padding:0;list-style:none}
.cards li{flex:1 1 160px;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:10px 14px}
.cards b{display:block;font-size:22px;color:var(--accent)}
.cards span{color:var(--muted);font-size:13px}
nav.toc{margin:14px 0 0;font-size:14px;display:flex;flex-wrap:wrap;gap:4px 16px}
nav.toc a{color:var(--accent-2);text-decoration:none;white-space:nowrap}
nav.toc a:hover{text-decoration:underline}
figure{margin:8px 0 18px}
figcaption{color:var(--muted);font-size:13px;margin-top:4px}
.chart-box{overflow-x:auto}
svg.chart{display:block;max-width:100%;height:auto;font-family:inherit}
svg.chart text{font-size:12px;fill:var(--ink)}
svg.chart .label{font-size:12.5px}
svg.chart .rank{font-weight:600;fill:var(--muted)}
svg.chart .value{font-size:11.5px;fill:var(--ink)}
svg.chart .axis,svg.chart .threshold-label{font-size:11px;fill:var(--muted)}
svg.chart .grid{stroke:#e7eaef;stroke-width:1}
svg.chart .threshold{stroke:#aab3bf;stroke-width:1;stroke-dasharray:4 3}
svg.chart .axis-line{stroke:#8a94a3;stroke-width:1}
svg.chart .column{font-weight:600;font-size:12px}
svg.chart .group-label{font-weight:600;fill:var(--accent)}
svg.chart .cell-value{font-size:11px;fill:var(--ink)}
svg.chart .cell-value.on-dark{fill:#fff}
svg.chart .ring{fill:none;stroke:#dde2e8}
svg.chart .spoke{stroke:#dde2e8}
svg.chart .axis-label{font-size:11px;fill:var(--muted)}
svg.chart .mean{fill:none;stroke:#8a94a3;stroke-width:1.2;stroke-dasharray:3 3}
svg.chart .profile{fill:rgba(47,109,181,.28);stroke:#2f6db5;stroke-width:1.8}
svg.chart .vertex{fill:#2f6db5}
svg.chart .range{stroke:#4a6fa5;stroke-width:3;stroke-linecap:round}
svg.chart .median{fill:#fff;stroke:#12355b;stroke-width:1.8}
svg.chart .published{fill:#e3a21a;stroke:#9a6a00;stroke-width:.8}
.legend{display:flex;flex-wrap:wrap;gap:14px;margin:4px 0 6px;padding:0;list-style:none;font-size:13px;color:var(--muted)}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.profiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px;margin:8px 0 18px}
.profile-card{border:1px solid var(--line);border-radius:6px;padding:8px 10px 4px;break-inside:avoid}
.profile-card h4{margin:0;font-size:14px;line-height:1.3}
.profile-card p{margin:2px 0 0;font-size:12.5px;color:var(--muted)}
.profile-card svg.chart{width:100%;max-width:240px;margin:0 auto}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0 16px}
th,td{border-bottom:1px solid var(--line);padding:4px 7px;text-align:left;vertical-align:middle}
thead th{background:var(--accent);color:#fff;font-weight:600;position:sticky;top:0;white-space:nowrap}
tbody tr:nth-child(even) td{background:var(--soft)}
tbody tr.group-row th{background:#e8eef6;color:var(--accent);font-size:13.5px;padding:6px 7px}
td.code{white-space:nowrap;color:var(--muted);font-size:12px}
td.name{min-width:200px}
td.heat{font-size:12px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.table-box{overflow-x:auto}
.chip{display:inline-block;padding:0 7px;border-radius:9px;color:#fff;font-size:12px;line-height:18px;white-space:nowrap}
.chip.none{background:#e6e9ee;color:var(--muted)}
.up{color:#1b7f3b;font-weight:600}.down{color:#c0392b;font-weight:600}
#unit-filter{font:inherit;padding:6px 10px;border:1px solid var(--line);border-radius:4px;width:min(360px,100%);margin:6px 0}
dl.manifest{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;font-size:13.5px}
dl.manifest dt{color:var(--muted)}
dl.manifest dd{margin:0;font-family:"DejaVu Sans Mono","Consolas",monospace;word-break:break-all}
.note{color:var(--muted);font-style:italic}
footer{margin-top:36px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
@media (max-width:700px){.page{padding:14px}h1{font-size:21px}}
@media print{
 @page{size:A4;margin:14mm 12mm}
 body{font-size:10.5pt}
 .page{max-width:none;padding:0}
 nav.toc,#unit-filter{display:none}
 h2{break-after:avoid;page-break-after:avoid}
 figure,.profile-card,tr{break-inside:avoid;page-break-inside:avoid}
 thead th{position:static}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 a{color:inherit;text-decoration:none}
}
""";
}
