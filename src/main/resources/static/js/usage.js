// The auditor dashboard's charts: ECharts (served from the jar as a WebJar) fed by /reports/usage.json.
// Numbers are written as the page's language writes them (28,96 % and 3.000 in Vietnamese), bars
// are sorted from the highest regular-use rate down, every axis is titled, and a bar is a link:
// clicking a district or a commune opens the same report for that unit (province → district →
// commune). When the report is for one district, the first chart shows its communes.
(function () {
  'use strict';
  var box = document.getElementById('usage-charts');
  if (!box || typeof echarts === 'undefined') {
    return;
  }
  var d = box.dataset;
  var lang = document.documentElement.lang || 'vi';
  var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  var percentSign = lang === 'vi' ? ' %' : '%';

  function percent(value) { return number.format(value) + percentSign; }

  function drill(code) {
    var url = new URL(window.location.href);
    url.searchParams.set('unit', code);
    window.location.assign(url.toString());
  }

  function bars(id, rows, axisName) {
    var sorted = rows.slice().sort(function (a, b) { return b.regularRate - a.regularRate || a.name.localeCompare(b.name, lang); });
    var chart = echarts.init(document.getElementById(id));
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: percent },
      grid: { left: 8, right: 48, bottom: 32, top: 24, containLabel: true },
      xAxis: { type: 'value', max: 100, name: d.axisRate, nameLocation: 'middle', nameGap: 24,
        axisLabel: { formatter: function (v) { return percent(v); } } },
      yAxis: { type: 'category', name: axisName, data: sorted.map(function (r) { return r.name; }), inverse: true },
      series: [{ type: 'bar', name: d.axisRate, data: sorted.map(function (r) { return r.regularRate; }),
        cursor: 'pointer',
        label: { show: true, position: 'right', formatter: function (p) { return percent(p.value); } },
        itemStyle: { color: '#2f6fb5' } }]
    });
    chart.on('click', function (p) { drill(sorted[p.dataIndex].code); });
    return chart;
  }

  function trend(rows) {
    var chart = echarts.init(document.getElementById('chart-trend'));
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return number.format(v); } },
      legend: { data: [d.signatures, d.active] },
      grid: { left: 8, right: 16, bottom: 32, top: 48, containLabel: true },
      xAxis: { type: 'category', name: d.axisMonth, nameLocation: 'middle', nameGap: 24,
        data: rows.map(function (r) { return r.month; }) },
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
      // one district chosen: its communes are what the auditor came to see
      var communes = report.byDistrict.length <= 1 && report.byCommune.length > 0;
      var first = communes ? report.byCommune : report.byDistrict;
      document.getElementById('chart-district-title').textContent = communes ? d.commune : d.district;
      var charts = [bars('chart-district', first, communes ? d.axisCommune : d.axisDistrict), trend(report.trend)];
      var agencies = document.getElementById('chart-agency');
      if (report.byAgency.length) {
        charts.push(bars('chart-agency', report.byAgency, d.axisAgency));
      } else {
        agencies.hidden = true;
        document.getElementById('chart-agency-title').hidden = true;
      }
      window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    })
    .catch(function () { box.hidden = true; });
}());
