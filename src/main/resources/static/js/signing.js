// kyso signing page. Shows the first chosen PDF page by page (rendered by the server with
// PDFBox), turns a click on the page into the signature's rectangle (page, x, y in mm from the
// bottom-left corner, as the API takes them), and asks the server where the step will draw
// (POST /sign/preview: the real layout, with every check that needs no PIN) to show the real
// signature image, seal and written number and date there before the PIN is typed. One file is
// signed by posting the form from here: a refusal is shown in place with every input kept, the
// PIN is cleared after each attempt, and the button is off while a signing runs. Several files
// go to the batch job (js/batch.js) as a normal form post. With a key on a remote-signing
// service (CSC API) chosen, one or several files are signed in one request from here (a zip for
// several): the remote service's password and the PIN are cleared after each attempt.
(function () {
  'use strict';
  var form = document.getElementById('sign-form');
  if (!form) { return; }
  var text = form.dataset;
  var files = document.getElementById('file');
  var step = document.getElementById('step');
  var certificate = document.getElementById('certificate');
  var image = document.getElementById('page-image');
  var marker = document.getElementById('marker');
  var landings = document.getElementById('landings');
  var label = document.getElementById('page-label');
  var note = document.getElementById('preview-note');
  var previewError = document.getElementById('preview-error');
  var error = document.getElementById('sign-error');
  var done = document.getElementById('sign-done');
  var submit = document.getElementById('sign-submit');
  var pin = document.getElementById('pin');
  var chosenImage = document.getElementById('image');
  var keyChoice = document.getElementById('remoteService');
  var signUrl = form.action;
  var sizes = [];
  var current = 1;
  var parts = [];
  var previewTimer = null;
  var previewSeq = 0;
  var downloadUrl = null;

  function headers() {
    var h = { 'Kyso-Script': '1' };
    h[text.csrfHeader] = text.csrfToken;
    return h;
  }

  function post(url, body) {
    return fetch(url, { method: 'POST', body: body, headers: headers(), credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (problem) {
            throw new Error(problem.message || problem.detail || text.textFailed);
          });
        }
        return response;
      });
  }

  function fileBody() {
    var body = new FormData();
    body.append('file', files.files[0]);
    return body;
  }

  function show(node, message) {
    node.textContent = message || '';
    node.hidden = !message;
  }

  // the console's CSP lets images come from the server or data: URLs only
  function dataUrl(blob) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = reject;
      reader.readAsDataURL(blob);
    });
  }

  var chosenImageUrl = '';

  function selectedStep() { return step ? step.value : 'SIGN'; }

  function selectedCertificate() { return certificate && certificate.selectedOptions[0]; }

  function remoteChosen() { return !!(keyChoice && keyChoice.value); }

  // a key held by kyso (certificate and step) or a key on a remote service (its sign-in fields);
  // the remote key signs the approval step only
  function applyKey() {
    var wanted = remoteChosen() ? 'remote' : 'custody';
    form.querySelectorAll('[data-keys]').forEach(function (node) {
      var on = node.dataset.keys === wanted;
      node.hidden = !on;
      if (node.matches('input, select, fieldset')) { node.disabled = !on; }
    });
    if (remoteChosen() && step) { step.value = 'SIGN'; }
    applyStep();
  }

  // the fields and the certificates that belong to the chosen step only
  function applyStep() {
    var s = selectedStep();
    form.querySelectorAll('[data-steps]').forEach(function (node) {
      var on = node.dataset.steps.split(' ').indexOf(s) >= 0;
      node.hidden = !on;
      if (node.matches('input, select')) { node.disabled = !on; }
    });
    if (certificate) {
      var wanted = s === 'SIGN' ? null : 'AGENCY';
      var first = null;
      Array.prototype.forEach.call(certificate.options, function (option) {
        var fits = !wanted || option.dataset.kind === wanted;
        option.hidden = !fits;
        option.disabled = !fits;
        if (fits && !first) { first = option; }
      });
      if (selectedCertificate() && selectedCertificate().disabled && first) { first.selected = true; }
    }
    schedulePreview();
  }

  function showPage(number) {
    if (!files.files[0] || number < 1 || number > sizes.length) { return; }
    current = number;
    label.textContent = text.pageLabel + ' ' + number + ' / ' + sizes.length;
    post(text.pagesUrl + '/' + number, fileBody())
      .then(function (response) { return response.blob(); })
      .then(function (blob) { return dataUrl(blob); })
      .then(function (url) {
        image.src = url;
        show(previewError, '');
      })
      .catch(function (e) { show(previewError, e.message); });
  }

  image.addEventListener('load', function () { drawMarker(); drawParts(); });

  files.addEventListener('change', function () {
    sizes = [];
    parts = [];
    clearPlacement();
    show(error, '');
    if (!files.files[0]) { return; }
    post(text.pagesUrl, fileBody())
      .then(function (response) { return response.json(); })
      .then(function (pages) { sizes = pages; showPage(pages.length); schedulePreview(); })
      .catch(function (e) { show(previewError, e.message); });
  });

  document.getElementById('prev').addEventListener('click', function () { showPage(current - 1); });
  document.getElementById('next').addEventListener('click', function () { showPage(current + 1); });

  function mmPerPixel() {
    var size = sizes[current - 1];
    return size ? { x: size.widthMm / image.clientWidth, y: size.heightMm / image.clientHeight } : null;
  }

  function clearPlacement() {
    form.elements.page.value = form.elements.x.value = form.elements.y.value = '';
    marker.hidden = true;
    document.getElementById('placed').textContent = '';
    document.getElementById('unplace').hidden = true;
  }

  function drawMarker() {
    var scale = mmPerPixel();
    var placed = form.elements.page.value;
    if (!scale || !placed || String(placed) !== String(current) || parts.length) { marker.hidden = true; return; }
    var width = Number(form.elements.width.value);
    var height = Number(form.elements.height.value);
    marker.style.left = (Number(form.elements.x.value) / scale.x) + 'px';
    marker.style.width = (width / scale.x) + 'px';
    marker.style.height = (height / scale.y) + 'px';
    marker.style.top = (image.clientHeight - (Number(form.elements.y.value) + height) / scale.y) + 'px';
    marker.hidden = false;
  }

  // the officer clicks the centre of where the signature goes
  image.addEventListener('click', function (event) {
    var scale = mmPerPixel();
    if (!scale) { return; }
    var box = image.getBoundingClientRect();
    placeAt((event.clientX - box.left) * scale.x, (box.bottom - event.clientY) * scale.y);
  });

  // or, from the keyboard: Enter or Space places it where a signature usually goes (right half,
  // lower part of the page), the arrows move it by 5 mm (1 mm with Shift)
  image.addEventListener('keydown', function (event) {
    var size = sizes[current - 1];
    if (!size) { return; }
    var width = Number(form.elements.width.value);
    var height = Number(form.elements.height.value);
    var placedHere = String(form.elements.page.value) === String(current);
    var centreX = placedHere ? Number(form.elements.x.value) + width / 2 : size.widthMm * 0.7;
    var centreY = placedHere ? Number(form.elements.y.value) + height / 2 : size.heightMm * 0.3;
    var step = event.shiftKey ? 1 : 5;
    var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      placeAt(centreX, centreY);
    } else if (moves[event.key] && placedHere) {
      event.preventDefault();
      placeAt(centreX + moves[event.key][0], centreY + moves[event.key][1]);
    }
  });

  /** Places the signature's box with its centre at (centreX, centreY) mm from the page's lower left corner. */
  function placeAt(centreX, centreY) {
    var size = sizes[current - 1];
    if (!size) { return; }
    var width = Number(form.elements.width.value);
    var height = Number(form.elements.height.value);
    var x = Math.max(0, Math.min(size.widthMm - width, centreX - width / 2));
    var y = Math.max(0, Math.min(size.heightMm - height, centreY - height / 2));
    form.elements.page.value = current;
    form.elements.x.value = x.toFixed(1);
    form.elements.y.value = y.toFixed(1);
    document.getElementById('placed').textContent =
      text.pageLabel + ' ' + current + ': x = ' + x.toFixed(0) + ' mm, y = ' + y.toFixed(0) + ' mm';
    document.getElementById('unplace').hidden = false;
    parts = [];
    drawParts();
    drawMarker();
    schedulePreview();
  }

  document.getElementById('unplace').addEventListener('click', function () {
    clearPlacement();
    schedulePreview();
  });

  function imageUrl(part) {
    if (part === 'SIGNATURE') {
      return chosenImage.files[0] ? chosenImageUrl : text.signatureUrl;
    }
    if (part === 'SEAL') { return selectedCertificate() ? selectedCertificate().dataset.sealUrl : ''; }
    return '';
  }

  // the real image, seal or text, scaled to the page as shown
  function drawParts() {
    landings.textContent = '';
    var scale = mmPerPixel();
    if (!scale) { return; }
    var elsewhere = [];
    parts.forEach(function (p) {
      if (p.page !== current) {
        if (elsewhere.indexOf(p.page) < 0) { elsewhere.push(p.page); }
        return;
      }
      var node;
      var url = imageUrl(p.part);
      if (url) {
        node = document.createElement('img');
        node.src = url;
        node.alt = '';
      } else {
        node = document.createElement('div');
        node.textContent = p.text || '';
        node.style.fontSize = (p.heightMm / scale.y * 0.8) + 'px';
      }
      node.className = 'landing landing-' + p.part.toLowerCase();
      node.style.left = (p.xMm / scale.x) + 'px';
      node.style.top = (image.clientHeight - (p.yMm + p.heightMm) / scale.y) + 'px';
      node.style.width = (p.widthMm / scale.x) + 'px';
      node.style.height = (p.heightMm / scale.y) + 'px';
      landings.appendChild(node);
    });
    var notes = elsewhere.map(function (n) { return text.textOtherPage.replace('{0}', n); });
    if (!parts.length && selectedStep() === 'SIGN' && sizes.length && !form.elements.page.value
        && !form.elements.anchor.value.trim()) {
      notes.push(text.textInvisible);
    }
    note.textContent = notes.join(' · ');
    drawMarker();
  }

  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 250);
  }

  function preview() {
    if (!files.files[0] || files.files.length > 1 || !sizes.length) { return; }
    var s = selectedStep();
    if (s === 'SIGN' && !form.elements.page.value && !form.elements.anchor.value.trim()) {
      parts = [];
      drawParts();
      return;
    }
    var body = new FormData(form);
    body.delete('pin');
    var seq = ++previewSeq;
    post(text.previewUrl, body)
      .then(function (response) { return response.json(); })
      .then(function (found) {
        if (seq !== previewSeq) { return; }
        parts = found;
        show(previewError, '');
        var first = parts[0];
        if (first && first.page !== current) { showPage(first.page); } else { drawParts(); }
      })
      .catch(function (e) {
        if (seq !== previewSeq) { return; }
        parts = [];
        drawParts();
        show(previewError, e.message);
      });
  }

  ['documentNumber', 'documentDate', 'anchor', 'copyKind'].forEach(function (name) {
    var field = form.elements[name];
    if (field) { field.addEventListener('input', schedulePreview); }
  });
  chosenImage.addEventListener('change', function () {
    chosenImageUrl = '';
    if (chosenImage.files[0]) {
      dataUrl(chosenImage.files[0]).then(function (url) { chosenImageUrl = url; drawParts(); });
    }
    schedulePreview();
  });
  if (certificate) { certificate.addEventListener('change', schedulePreview); }
  if (step) { step.addEventListener('change', applyStep); }
  if (keyChoice) { keyChoice.addEventListener('change', applyKey); }

  // what can be checked before the PIN is asked for: say it next to the field
  function problem() {
    if (!files.files.length) { return [files, text.textNoFile]; }
    var s = selectedStep();
    if ((s === 'ISSUE' || s === 'APPENDIX') && !form.elements.documentNumber.value.trim()) {
      return [form.elements.documentNumber, text.textNoNumber];
    }
    if (s === 'ISSUE' && selectedCertificate() && !selectedCertificate().dataset.sealUrl) {
      return [certificate, text.textNoSeal];
    }
    if (s === 'SIGN' && (form.elements.page.value || form.elements.anchor.value.trim())
        && !text.signatureUrl && !chosenImage.files[0]) {
      return [chosenImage, text.textNoImage];
    }
    if (remoteChosen()) {
      var missing = ['credential', 'remoteUser', 'remotePassword'].map(function (name) {
        return form.elements[name];
      }).filter(function (field) { return !field.value.trim(); })[0];
      if (missing) { return [missing, text.textNoRemote]; }
    }
    if (!pin.value) { return [pin, text.textNoPin]; }
    return null;
  }

  function filename(response) {
    var header = response.headers.get('Content-Disposition') || '';
    var star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) { return decodeURIComponent(star[1]); }
    var plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : 'signed.pdf';
  }

  form.addEventListener('submit', function (event) {
    show(error, '');
    done.hidden = true;
    var found = problem();
    if (found) {
      event.preventDefault();
      show(error, found[1]);
      found[0].focus();
      return;
    }
    if (files.files.length > 1 && !remoteChosen()) {
      // several files: the batch job (js/batch.js) takes the normal post; one click only
      submit.disabled = true;
      return;
    }
    event.preventDefault();
    if (submit.disabled) { return; }
    submit.disabled = true;
    var idle = submit.textContent;
    submit.textContent = text.textWorking;
    var body = new FormData(form);
    pin.value = '';
    if (form.elements.remotePassword) { form.elements.remotePassword.value = ''; }
    post(signUrl, body)
      .then(function (response) {
        return response.blob().then(function (blob) { return { name: filename(response), blob: blob }; });
      })
      .then(function (file) {
        if (downloadUrl) { URL.revokeObjectURL(downloadUrl); }
        downloadUrl = URL.createObjectURL(file.blob);
        var link = document.getElementById('sign-download');
        link.href = downloadUrl;
        link.download = file.name;
        document.getElementById('sign-done-text').textContent = text.textDone.replace('{0}', file.name);
        done.hidden = false;
        link.click();
        link.focus();
      })
      .catch(function (e) {
        show(error, e.message);
        error.focus();
      })
      .then(function () {
        body = null;
        submit.disabled = false;
        submit.textContent = idle;
      });
  });

  applyKey();
}());
