// The auditor dashboard's charts: ECharts (served from the jar as a WebJar) fed by /reports/usage.json.
(function () {
  'use strict';
  var box = document.getElementById('usage-charts');
  if (!box || typeof echarts === 'undefined') {
    return;
  }
  var d = box.dataset;

  function bars(id, rows) {
    var chart = echarts.init(document.getElementById(id));
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), inverse: true },
      series: [{ type: 'bar', name: '%', data: rows.map(function (r) { return r.regularRate; }),
        label: { show: true, position: 'right', formatter: '{c}%' }, itemStyle: { color: '#2f6fb5' } }]
    });
    return chart;
  }

  function trend(rows) {
    var chart = echarts.init(document.getElementById('chart-trend'));
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [d.signatures, d.active] },
      grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.month; }) },
      yAxis: [{ type: 'value' }, { type: 'value' }],
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
      var charts = [bars('chart-district', report.byDistrict), bars('chart-agency', report.byAgency),
        trend(report.trend)];
      window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    })
    .catch(function () { box.hidden = true; });
}());
