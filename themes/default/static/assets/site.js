// gazette default theme: the print button, and data tables opened for print (Decree 42 Art. 7:
// print and save every article). Without JavaScript the button stays hidden and print CSS
// still shows the tables.
(function () {
  'use strict';
  var reopen = [];
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
  window.addEventListener('beforeprint', function () {
    reopen = [];
    document.querySelectorAll('details:not([open])').forEach(function (d) {
      d.open = true;
      reopen.push(d);
    });
    var date = document.querySelector('[data-printed-date]');
    if (date) {
      date.textContent = new Date().toLocaleDateString(document.documentElement.lang || undefined);
      date.parentNode.hidden = false;
    }
  });
  window.addEventListener('afterprint', function () {
    reopen.forEach(function (d) { d.open = false; });
    reopen = [];
  });
}());
