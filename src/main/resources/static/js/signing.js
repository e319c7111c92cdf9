// kyso signing page: shows the first chosen PDF page by page (rendered by the server with PDFBox)
// and turns a click on the page into the signature's rectangle (page, x, y in mm from the
// bottom-left corner, as the API takes them). Nothing is kept on the server between requests.
(function () {
  'use strict';
  var form = document.getElementById('sign-form');
  if (!form) { return; }
  var files = document.getElementById('file');
  var image = document.getElementById('page-image');
  var marker = document.getElementById('marker');
  var label = document.getElementById('page-label');
  var error = document.getElementById('preview-error');
  var sizes = [];
  var current = 1;

  function post(url, file) {
    var body = new FormData();
    body.append('file', file);
    var headers = {};
    headers[form.dataset.csrfHeader] = form.dataset.csrfToken;
    return fetch(url, { method: 'POST', body: body, headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          return response.json().then(function (problem) { throw new Error(problem.detail || response.status); });
        }
        return response;
      });
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  function show(number) {
    var file = files.files[0];
    if (!file || number < 1 || number > sizes.length) { return; }
    current = number;
    label.textContent = form.dataset.pageLabel + ' ' + number + ' / ' + sizes.length;
    post(form.dataset.pagesUrl + '/' + number, file)
      .then(function (response) { return response.blob(); })
      .then(function (blob) {
        var reader = new FileReader();
        reader.onload = function () { image.src = reader.result; };
        reader.readAsDataURL(blob);
        marker.hidden = String(form.elements.page.value) !== String(number);
        showError('');
      })
      .catch(function (e) { showError(e.message); });
  }

  files.addEventListener('change', function () {
    sizes = [];
    marker.hidden = true;
    form.elements.page.value = form.elements.x.value = form.elements.y.value = '';
    document.getElementById('placed').textContent = '';
    if (!files.files[0]) { return; }
    post(form.dataset.pagesUrl, files.files[0])
      .then(function (response) { return response.json(); })
      .then(function (pages) { sizes = pages; show(pages.length); })
      .catch(function (e) { showError(e.message); });
  });

  document.getElementById('prev').addEventListener('click', function () { show(current - 1); });
  document.getElementById('next').addEventListener('click', function () { show(current + 1); });

  image.addEventListener('click', function (event) {
    var size = sizes[current - 1];
    if (!size) { return; }
    var box = image.getBoundingClientRect();
    var width = Number(form.elements.width.value);
    var height = Number(form.elements.height.value);
    var mmPerPixelX = size.widthMm / box.width;
    var mmPerPixelY = size.heightMm / box.height;
    var centreX = (event.clientX - box.left) * mmPerPixelX;
    var centreY = (box.bottom - event.clientY) * mmPerPixelY;
    var x = Math.max(0, Math.min(size.widthMm - width, centreX - width / 2));
    var y = Math.max(0, Math.min(size.heightMm - height, centreY - height / 2));
    form.elements.page.value = current;
    form.elements.x.value = x.toFixed(1);
    form.elements.y.value = y.toFixed(1);
    marker.style.left = (x / mmPerPixelX) + 'px';
    marker.style.width = (width / mmPerPixelX) + 'px';
    marker.style.height = (height / mmPerPixelY) + 'px';
    marker.style.top = (box.height - (y + height) / mmPerPixelY) + 'px';
    marker.hidden = false;
    document.getElementById('placed').textContent =
      form.dataset.pageLabel + ' ' + current + ': x = ' + x.toFixed(0) + ' mm, y = ' + y.toFixed(0) + ' mm';
  });
}());
