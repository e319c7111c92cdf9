// kyso account page: shows a chosen PNG before it is stored (a seal at its real diameter), so the
// user sees what the signature or seal will look like before saving it.
(function () {
  'use strict';
  document.querySelectorAll('input[type=file][data-preview]').forEach(function (input) {
    var preview = document.getElementById(input.dataset.preview);
    var diameter = input.dataset.diameter ? document.getElementById(input.dataset.diameter) : null;
    function size() {
      if (diameter && Number(diameter.value) > 0) { preview.style.width = Number(diameter.value) + 'mm'; }
    }
    input.addEventListener('change', function () {
      var file = input.files[0];
      if (!file) { preview.hidden = true; return; }
      // a data: URL, as the console's CSP allows (no blob: images)
      var reader = new FileReader();
      reader.onload = function () {
        preview.src = reader.result;
        preview.hidden = false;
        size();
      };
      reader.readAsDataURL(file);
    });
    if (diameter) { diameter.addEventListener('input', size); }
  });
  // a stored seal is shown at its real diameter (style attributes are not allowed by the CSP)
  document.querySelectorAll('img[data-width-mm]').forEach(function (img) {
    img.style.width = img.dataset.widthMm + 'mm';
  });
}());
