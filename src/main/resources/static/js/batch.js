// kyso signing page, several documents: when several files are chosen the form starts a batch
// job on the server (POST /sign/batches) instead of signing in the request; the page then follows
// the job's progress by server-sent events. The job id is kept in the URL (?batch=) and in the
// browser's storage, so a reload (or coming back later) reconnects and shows the same progress,
// then the download link. The single-file form is left as it is.
(function () {
  'use strict';
  var panel = document.getElementById('batch-progress');
  if (!panel) { return; }
  var KEY = 'kyso.batch';
  var ID = /^[0-9a-f]{32}$/;
  var form = document.getElementById('sign-form');
  var files = document.getElementById('file');
  var bar = document.getElementById('batch-bar');
  var summary = document.getElementById('batch-summary');
  var state = document.getElementById('batch-state');
  var list = document.getElementById('batch-documents');
  var download = document.getElementById('batch-download');
  var text = panel.dataset;
  var source = null;

  if (form && files) {
    form.addEventListener('submit', function () {
      var remote = form.elements.remoteService && form.elements.remoteService.value;
      if (files.files.length > 1 && !remote) { // a remote key signs in one request (js/signing.js)
        form.action = text.startUrl;
      }
    });
  }

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function remember(id) {
    try {
      if (id) { window.localStorage.setItem(KEY, id); } else { window.localStorage.removeItem(KEY); }
    } catch (e) { /* private mode: the URL still keeps the job */ }
    var url = new URL(window.location.href);
    if (id) { url.searchParams.set('batch', id); } else { url.searchParams.delete('batch'); }
    window.history.replaceState(null, '', url.toString());
  }

  function fill(template, job) {
    return template.replace('{done}', job.done).replace('{total}', job.total)
      .replace('{signed}', job.signed).replace('{failed}', job.failed);
  }

  var shown = false;

  function render(job) {
    panel.hidden = false;
    if (!shown) {
      // the panel sits under the form: bring it into view once
      shown = true;
      panel.scrollIntoView({ block: 'start' });
    }
    bar.max = Math.max(job.total, 1);
    bar.value = job.done;
    summary.textContent = fill(text.textSummary, job);
    state.textContent = job.status === 'RUNNING' ? text.textRunning
      : job.status === 'COMPLETED' ? text.textCompleted : text.textInterrupted;
    list.textContent = '';
    job.documents.forEach(function (d) {
      var item = document.createElement('li');
      item.className = 'doc-' + d.status;
      var label = d.status === 'SIGNED' ? text.textSigned : d.status === 'FAILED' ? text.textFailed : text.textPending;
      item.textContent = d.filename + ': ' + label + (d.failure ? ' (' + d.failure + ')' : '');
      list.appendChild(item);
    });
    download.hidden = !(job.status !== 'RUNNING' && job.signed > 0);
    download.href = text.baseUrl + job.id + '/result';
  }

  function follow(id) {
    if (source) { source.close(); }
    source = new EventSource(text.baseUrl + id + '/events');
    var handle = function (event) { render(JSON.parse(event.data)); };
    source.addEventListener('progress', handle);
    source.addEventListener('finished', function (event) {
      handle(event);
      source.close();
    });
    source.onerror = function () {
      // the browser reconnects by itself after a dropped stream; a refused one (gone, not ours) is closed
      if (source.readyState === EventSource.CLOSED) {
        fetch(text.baseUrl + id, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (response) {
            if (response.ok) { return response.json().then(render); }
            lost();
          })
          .catch(function () { /* offline: leave the last state on screen */ });
      }
    };
  }

  function lost() {
    remember(null);
    panel.hidden = false;
    bar.value = 0;
    summary.textContent = text.textLost;
    state.textContent = '';
    list.textContent = '';
    download.hidden = true;
  }

  document.getElementById('batch-dismiss').addEventListener('click', function () {
    if (source) { source.close(); }
    remember(null);
    panel.hidden = true;
  });

  var id = new URL(window.location.href).searchParams.get('batch') || stored();
  if (id && ID.test(id)) {
    remember(id);
    follow(id);
  }
}());
