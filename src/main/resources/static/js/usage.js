// The auditor dashboard's charts: ECharts (served from the jar as a WebJar) fed by /reports/usage.json.
// Numbers are written as the page's language writes them (28,96% and 3.000 in Vietnamese, 28.96%
// and 3,000 in English, as the tables beside them), bars are sorted from the highest regular-use
// rate down, every axis is titled, and a bar is a link: clicking a district, a commune or an agency
// opens the same report for that unit (province → district → commune). Below the province, the
// first chart shows the level below the unit (a district's communes and agencies: the report's
// 'children'); a unit with nothing below it has no bar chart, its certificates are listed instead.
(function () {
  'use strict';
  var box = document.getElementById('usage-charts');
  if (!box || typeof echarts === 'undefined') {
    return;
  }
  var d = box.dataset;
  var lang = document.documentElement.lang || 'vi';
  var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  var rate = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function percent(value) { return rate.format(value) + '%'; }
  function axisPercent(value) { return number.format(value) + '%'; }
  // '2026-01' as the page's language writes a month: 01/2026 in Vietnamese
  function monthLabel(iso) { return lang === 'vi' ? iso.slice(5) + '/' + iso.slice(0, 4) : iso; }

  function drill(row) {
    if (!row.opens) {
      return; // the province office's or the no-unit row: nothing below to open
    }
    var url = new URL(window.location.href);
    url.searchParams.set('unit', row.code);
    ['certificatesPage', 'neverUsedPage', 'dormantPage', 'topPage'].forEach(function (p) { url.searchParams.delete(p); });
    url.hash = '';
    window.location.assign(url.toString());
  }

  function bars(id, rows, axisName) {
    var sorted = rows.slice().sort(function (a, b) { return b.regularRate - a.regularRate || a.name.localeCompare(b.name, lang); });
    var chart = echarts.init(document.getElementById(id));
    chart.setOption({
      tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: percent },
      grid: { left: 8, right: 48, bottom: 32, top: 24, containLabel: true },
      xAxis: { type: 'value', max: 100, name: d.axisRate, nameLocation: 'middle', nameGap: 24,
        axisLabel: { formatter: axisPercent } },
      yAxis: { type: 'category', name: axisName, nameLocation: 'start', data: sorted.map(function (r) { return r.name; }), inverse: true },
      series: [{ type: 'bar', name: d.axisRate, data: sorted.map(function (r) { return r.regularRate; }),
        cursor: 'pointer',
        label: { show: true, position: 'right', formatter: function (p) { return percent(p.value); } },
        itemStyle: { color: '#2f6fb5' } }]
    });
    chart.on('click', function (p) { drill(sorted[p.dataIndex]); });
    return chart;
  }

  function trend(rows) {
    var chart = echarts.init(document.getElementById('chart-trend'));
    chart.setOption({
      tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return number.format(v); } },
      legend: { data: [d.signatures, d.active] },
      grid: { left: 8, right: 16, bottom: 32, top: 48, containLabel: true },
      xAxis: { type: 'category', name: d.axisMonth, nameLocation: 'middle', nameGap: 24,
        data: rows.map(function (r) { return monthLabel(r.month); }) },
      yAxis: [{ type: 'value', name: d.signatures, axisLabel: { formatter: function (v) { return number.format(v); } } },
        { type: 'value', name: d.active, axisLabel: { formatter: function (v) { return number.format(v); } } }],
      series: [
        { type: 'line', name: d.signatures, smooth: true, data: rows.map(function (r) { return r.signatures; }) },
        { type: 'line', name: d.active, yAxisIndex: 1, data: rows.map(function (r) { return r.activeCertificates; }) }
      ]
    });
    return chart;
  }

  fetch(d.source, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
    .then(function (report) {
      var province = report.level === 'PROVINCE';
      // below the province: the level below the unit (a district's communes and agencies), never
      // the unit's own single bar; the agency chart belongs to the province
      var first = province ? report.byDistrict : report.children;
      var charts = [trend(report.trend)];
      var title = document.getElementById('chart-district-title');
      var districts = document.getElementById('chart-district');
      if (first.length) {
        title.textContent = province ? d.district : d.commune;
        charts.push(bars('chart-district', first, province ? d.axisDistrict : d.axisCommune));
      } else {
        title.hidden = true;
        districts.hidden = true;
      }
      var agencies = document.getElementById('chart-agency');
      if (province && report.byAgency.length) {
        charts.push(bars('chart-agency', report.byAgency, d.axisAgency));
      } else {
        agencies.hidden = true;
        document.getElementById('chart-agency-title').hidden = true;
      }
      window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    })
    .catch(function () { box.hidden = true; });
}());
